package org.irsp.nat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.nat.entity.Candidate;

/**
 * The last AddrProbe observation per connection (§12.2), kept for {@code irsp.nat.observationSeconds}
 * (300) and forgotten when the connection closes: the UDP server-reflexive candidate added to P2P
 * signalling. Node-local, like the connections it describes.
 */
@ApplicationScoped
public class ProbeObservations {

    private static final int SWEEP_ABOVE = 100_000;

    private record Observation(String ip, int port, Instant at) {}

    private final Map<String, Observation> byConnId = new ConcurrentHashMap<>();

    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "irsp.nat.observationSeconds", defaultValue = "300")
    long keepSeconds;

    public void observed(String connId, String ip, int port) {
        Instant now = clock.instant();
        if (byConnId.size() > SWEEP_ABOVE) {
            byConnId.values().removeIf(o -> expired(o, now));
        }
        byConnId.put(connId, new Observation(ip, port, now));
    }

    /** The UDP srflx candidate of {@code connId}, if it probed recently. */
    public Optional<Candidate> latest(String connId) {
        Observation o = byConnId.get(connId);
        return o == null || expired(o, clock.instant()) ? Optional.empty() : Optional.of(Candidate.srflx(o.ip(), o.port(), "udp"));
    }

    public void forget(String connId) {
        byConnId.remove(connId);
    }

    private boolean expired(Observation o, Instant now) {
        return now.isAfter(o.at().plus(Duration.ofSeconds(keepSeconds)));
    }
}
