package org.irsp.relationship.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.relationship.control.RelationshipStore;
import jakarta.ejb.DependsOn;

/**
 * Closes pending requests past their expiry every 15 s (§11.5: within 60 s of the deadline) and drops
 * tombstones older than {@code irsp.relationship.tombstoneSeconds}. The deadlines live in the database,
 * so a restart loses none: the first run after it catches up.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class RequestExpiry {

    private static final Logger LOG = Logger.getLogger(RequestExpiry.class.getName());

    @Inject RelationshipRequests requests;
    @Inject RelationshipStore store;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "irsp.relationship.tombstoneSeconds", defaultValue = "2592000")
    long tombstoneSeconds;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void expire() {
        try {
            int expired = requests.expireDue();
            if (expired > 0) {
                LOG.log(Level.FINE, "{0} relationship request(s) expired", expired);
            }
            store.dropTombstonesBefore(clock.instant().minus(Duration.ofSeconds(tombstoneSeconds)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "relationship request expiry failed; retried on the next run", e);
        }
    }
}
