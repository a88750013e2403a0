package org.irsp.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The §5 REST binding under {@code /irsp/api/v1}. Its classes are listed, so that the console's API
 * ({@code org.irsp.admin}) stays a separate application with its own path and protection.
 */
@ApplicationPath("api/v1")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(UsersResource.class, DevicesResource.class, SessionsResource.class, RelationshipsResource.class,
                RelationshipRequestsResource.class, DiscoveryResource.class,
                ErrorMapper.class, ContentTypeFilter.class, BodyLimitFilter.class, VersionFilter.class, AuthenticationFilter.class,
                RestMeter.class);
    }
}
