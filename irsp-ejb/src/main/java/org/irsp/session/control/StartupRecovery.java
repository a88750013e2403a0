package org.irsp.session.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.irsp.session.boundary.Sessions;
import jakarta.ejb.DependsOn;

/**
 * No WebSocket survives a restart: sessions the previous run left bound end at start-up, so that their
 * tokens stop working and their connIds cannot be bound again (single node; a cluster ends only the
 * bindings of the node that restarted).
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class StartupRecovery {

    private static final Logger LOG = Logger.getLogger(StartupRecovery.class.getName());

    @Inject
    Sessions sessions;

    @PostConstruct
    void endOrphanedBindings() {
        int ended = sessions.endOrphanedBindings();
        if (ended > 0) {
            LOG.info(() -> "ended " + ended + " session(s) left bound by the previous run");
        }
    }
}
