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
 * A {@link Snapshot} carries the whole state, for a store that keeps it outside this JVM.
 */
public class P2PAttempt {

    public enum State { PENDING, ACCEPTED, DECLINED, TIMED_OUT, PEER_GONE, REQUESTER_GONE }

    /** A side's P2PStatusReport. */
    public record Report(String path, Long rttMs, Candidate candidate, Instant at) {}

    /** Everything an attempt is, to keep it outside this JVM and make it again. */
    public record Snapshot(String requestId, String sessionKey, EntityRef requester, String requesterConnId,
            String requesterMsgId, EntityRef peer, Set<String> notified, Instant answerDeadline, State state,
            Instant settledAt, Report requesterReport, Report peerReport) {}

    private final String requestId;
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
        this.requestId = UUID.randomUUID().toString();
        this.requester = requester;
        this.requesterConnId = requesterConnId;
        this.requesterMsgId = requesterMsgId;
        this.peer = peer;
        this.notified = new HashSet<>(notified);
        this.sessionKey = sessionKey;
        this.answerDeadline = now.plus(answerTimeout);
    }

    public P2PAttempt(Snapshot s) {
        this.requestId = s.requestId();
        this.sessionKey = s.sessionKey();
        this.requester = s.requester();
        this.requesterConnId = s.requesterConnId();
        this.requesterMsgId = s.requesterMsgId();
        this.peer = s.peer();
        this.notified = new HashSet<>(s.notified());
        this.answerDeadline = s.answerDeadline();
        this.state = s.state();
        this.settledAt = s.settledAt();
        this.requesterReport = s.requesterReport();
        this.peerReport = s.peerReport();
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(requestId, sessionKey, requester, requesterConnId, requesterMsgId, peer, Set.copyOf(notified),
                answerDeadline, state, settledAt, requesterReport, peerReport);
    }

    /**
     * B's P2PConnectResponse: the first answer of the peer within the timeout wins; anything else is 410. A
     * late answer leaves the attempt pending: its timeout tells the requester (408).
     */
    public synchronized void answer(EntityRef responder, boolean accept, Instant now) {
        if (!peer.equals(responder)) {
            throw new IrspException(RetCode.GONE, "unknown request");
        }
        if (state != State.PENDING) {
            throw new IrspException(RetCode.GONE, "request already answered or expired");
        }
        if (!now.isBefore(answerDeadline)) {
            throw new IrspException(RetCode.GONE, "answer came after the answer timeout");
        }
        settle(accept ? State.ACCEPTED : State.DECLINED, now);
    }

    /** Whether the answer time has run out on a pending attempt ({@link #timeOut} would fire). */
    public synchronized boolean due(Instant now) {
        return state == State.PENDING && !now.isBefore(answerDeadline);
    }

    /** Whether {@code connId} is the requester's connection or one the peer was notified on. */
    public synchronized boolean concerns(String connId) {
        return connId.equals(requesterConnId) || notified.contains(connId);
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
