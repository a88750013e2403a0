package org.irsp.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.irsp.rest.ErrorMapper;

/** The console's JSON API under {@code /irsp/admin/api}, for the role admin only (web.xml). */
@ApplicationPath("admin/api")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminResource.class, AccountsConsole.class, SessionsConsole.class, DashboardConsole.class, OfflineConsole.class, DeadLettersConsole.class, ConsoleCsrf.class, ErrorMapper.class);
    }
}
