package org.irsp.nat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.irsp.nat.entity.Candidate;
import org.irsp.nat.entity.P2PAttempt;
import org.irsp.registration.entity.EntityRef;
import org.junit.jupiter.api.Test;

class P2PAttemptTextTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    private final P2PAttempt attempt = new P2PAttempt(EntityRef.user("alice"), "a-conn", "a40",
            EntityRef.device("urn:igrs:device:example:0001"), Set.of("d-1", "d-2"), "key", T0, Duration.ofSeconds(30));

    @Test
    void aPendingAttemptReadsBackAsItWasWritten() {
        assertEquals(attempt.snapshot(), P2PAttemptText.read(P2PAttemptText.write(attempt)).snapshot());
    }

    @Test
    void anAnsweredAndReportedAttemptReadsBackWithItsStateAndReports() {
        attempt.closed("d-1", T0);
        attempt.answer(attempt.peer(), true, T0.plusSeconds(2));
        attempt.report(attempt.requester(), new P2PAttempt.Report("direct", 12L, Candidate.srflx("2001:db8::1", 4000, "udp"), T0.plusSeconds(3)));
        attempt.report(attempt.peer(), new P2PAttempt.Report("relay", null, null, T0.plusSeconds(4)));
        P2PAttempt read = P2PAttemptText.read(P2PAttemptText.write(attempt));
        assertEquals(attempt.snapshot(), read.snapshot());
        assertEquals(P2PAttempt.State.ACCEPTED, read.state());
    }
}
