package org.irsp.nat.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.EntityRef;

/**
 * One P2P connection attempt (§12.3) from requester A to peer B: pending until B's first answer, A's
 * answer timeout, or B's last notified connection closing; after that it is kept for the status
 * reports of both sides for a retention period. The session key is handed to both sides and nowhere else.
 */
public class P2PAttempt {

    public enum State { PENDING, ACCEPTED, DECLINED, TIMED_OUT, PEER_GONE, REQUESTER_GONE }

    /** A side's P2PStatusReport. */
    public record Report(String path, Long rttMs, Candidate candidate, Instant at) {}

    private final String requestId = UUID.randomUUID().toString();
    private final String sessionKey;
    private final EntityRef requester;
    private final String requesterConnId;
    private final String requesterMsgId;
    private final EntityRef peer;
    private final Set<String> notified;
    private final Instant answerDeadline;
    private State state = State.PENDING;
    private Instant settledAt;
    private Report requesterReport;
    private Report peerReport;

    public P2PAttempt(EntityRef requester, String requesterConnId, String requesterMsgId, EntityRef peer,
            Set<String> notified, String sessionKey, Instant now, Duration answerTimeout) {
        this.requester = requester;
        this.requesterConnId = requesterConnId;
        this.requesterMsgId = requesterMsgId;
        this.peer = peer;
        this.notified = new HashSet<>(notified);
        this.sessionKey = sessionKey;
        this.answerDeadline = now.plus(answerTimeout);
    }

    /** B's P2PConnectResponse: the first answer of the peer within the timeout wins; anything else is 410. */
    public synchronized void answer(EntityRef responder, boolean accept, Instant now) {
        if (!peer.equals(responder)) {
            throw new IrspException(RetCode.GONE, "unknown request");
        }
        if (state != State.PENDING) {
            throw new IrspException(RetCode.GONE, "request already answered or expired");
        }
        if (!now.isBefore(answerDeadline)) {
            settle(State.TIMED_OUT, now);
            throw new IrspException(RetCode.GONE, "answer came after the answer timeout");
        }
        settle(accept ? State.ACCEPTED : State.DECLINED, now);
    }

    /** True once, when the peer's answer time has run out. */
    public synchronized boolean timeOut(Instant now) {
        if (state == State.PENDING && !now.isBefore(answerDeadline)) {
            settle(State.TIMED_OUT, now);
            return true;
        }
        return false;
    }

    /** A connection closed: true once, if it was the peer's last notified connection before an answer. */
    public synchronized boolean closed(String connId, Instant now) {
        if (state != State.PENDING) {
            return false;
        }
        if (connId.equals(requesterConnId)) {
            settle(State.REQUESTER_GONE, now);
            return false;
        }
        if (notified.remove(connId) && notified.isEmpty()) {
            settle(State.PEER_GONE, now);
            return true;
        }
        return false;
    }

    /** P2PStatusReport from either side; anyone else does not know this request (404). */
    public synchronized void report(EntityRef reporter, Report report) {
        if (reporter.equals(requester)) {
            requesterReport = report;
        } else if (reporter.equals(peer)) {
            peerReport = report;
        } else {
            throw new IrspException(RetCode.NOT_FOUND, "unknown requestId");
        }
    }

    /** Whether the record may be forgotten: settled longer ago than {@code retention}. */
    public synchronized boolean forgettable(Instant now, Duration retention) {
        return state != State.PENDING && now.isAfter(settledAt.plus(retention));
    }

    private void settle(State to, Instant now) {
        state = to;
        settledAt = now;
    }

    public synchronized State state() {
        return state;
    }

    public synchronized Report requesterReport() {
        return requesterReport;
    }

    public synchronized Report peerReport() {
        return peerReport;
    }

    public String requestId() {
        return requestId;
    }

    public String sessionKey() {
        return sessionKey;
    }

    public EntityRef requester() {
        return requester;
    }

    public String requesterConnId() {
        return requesterConnId;
    }

    public String requesterMsgId() {
        return requesterMsgId;
    }

    public EntityRef peer() {
        return peer;
    }

    public Instant answerDeadline() {
        return answerDeadline;
    }
}
