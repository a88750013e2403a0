package org.irsp.nat.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.EntityRef;
import org.junit.jupiter.api.Test;

class P2PAttemptTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final EntityRef ALICE = EntityRef.user("alice");
    private static final EntityRef BOB = EntityRef.user("bob");

    private final P2PAttempt attempt = new P2PAttempt(ALICE, "a-conn", "a40", BOB, Set.of("b-phone", "b-laptop"), "key",
            T0, Duration.ofSeconds(30));

    private static RetCode refusal(Runnable r) {
        return assertThrows(IrspException.class, r::run).retCode();
    }

    @Test
    void thePeersFirstAnswerWinsAndEveryLaterOneIsGone() {
        attempt.answer(BOB, true, T0.plusSeconds(1));
        assertEquals(P2PAttempt.State.ACCEPTED, attempt.state());
        assertEquals(RetCode.GONE, refusal(() -> attempt.answer(BOB, false, T0.plusSeconds(2))));
        assertEquals(P2PAttempt.State.ACCEPTED, attempt.state());
    }

    @Test
    void onlyThePeerMayAnswer() {
        assertEquals(RetCode.GONE, refusal(() -> attempt.answer(EntityRef.user("mallory"), true, T0)));
        assertEquals(P2PAttempt.State.PENDING, attempt.state());
    }

    @Test
    void theAnswerTimeoutFiresOnceAndALaterAnswerIsGone() {
        assertFalse(attempt.timeOut(T0.plusSeconds(29)));
        assertTrue(attempt.timeOut(T0.plusSeconds(30)));
        assertFalse(attempt.timeOut(T0.plusSeconds(31)), "once");
        assertEquals(RetCode.GONE, refusal(() -> attempt.answer(BOB, true, T0.plusSeconds(31))));
    }

    @Test
    void anAnswerAtTheDeadlineIsTooLateAndLeavesTheTimeoutToTellTheRequester() {
        assertEquals(RetCode.GONE, refusal(() -> attempt.answer(BOB, true, T0.plusSeconds(30))));
        assertTrue(attempt.timeOut(T0.plusSeconds(30)));
        assertEquals(P2PAttempt.State.TIMED_OUT, attempt.state());
    }

    @Test
    void anAttemptMadeAgainFromItsSnapshotGoesOnWhereItWas() {
        attempt.closed("b-phone", T0);
        attempt.report(ALICE, new P2PAttempt.Report("relay", 7L, Candidate.srflx("192.0.2.1", 4000, "udp"), T0));
        P2PAttempt again = new P2PAttempt(attempt.snapshot());
        assertEquals(attempt.snapshot(), again.snapshot());
        assertTrue(again.closed("b-laptop", T0), "b-phone was already gone");
        assertEquals(P2PAttempt.State.PEER_GONE, again.state());
        assertEquals(P2PAttempt.State.PENDING, attempt.state(), "the original is untouched");
    }

    @Test
    void thePeerIsGoneOnlyWhenItsLastNotifiedConnectionCloses() {
        assertFalse(attempt.closed("b-phone", T0));
        assertFalse(attempt.closed("someone-else", T0));
        assertTrue(attempt.closed("b-laptop", T0));
        assertEquals(P2PAttempt.State.PEER_GONE, attempt.state());
    }

    @Test
    void theRequesterClosingEndsTheAttemptWithoutAReply() {
        assertFalse(attempt.closed("a-conn", T0));
        assertEquals(P2PAttempt.State.REQUESTER_GONE, attempt.state());
        assertEquals(RetCode.GONE, refusal(() -> attempt.answer(BOB, true, T0.plusSeconds(1))));
    }

    @Test
    void bothSidesMayReportAndNobodyElseKnowsTheRequest() {
        attempt.report(ALICE, new P2PAttempt.Report("relay", null, null, T0));
        attempt.report(BOB, new P2PAttempt.Report("direct", 12L, null, T0));
        assertEquals("relay", attempt.requesterReport().path());
        assertEquals("direct", attempt.peerReport().path());
        assertEquals(RetCode.NOT_FOUND, refusal(() -> attempt.report(EntityRef.user("mallory"), new P2PAttempt.Report("relay", null, null, T0))));
    }

    @Test
    void aSettledAttemptIsKeptForTheRetentionThenForgettable() {
        Duration retention = Duration.ofSeconds(300);
        assertFalse(attempt.forgettable(T0.plusSeconds(1000), retention), "never while pending");
        attempt.answer(BOB, false, T0.plusSeconds(5));
        assertFalse(attempt.forgettable(T0.plusSeconds(305), retention));
        assertTrue(attempt.forgettable(T0.plusSeconds(306), retention));
    }
}
