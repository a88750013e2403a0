package org.irsp.nat.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.P2PNotice;
import org.irsp.messaging.control.RoutingCache;
import org.irsp.nat.control.P2PAttempts;
import org.irsp.nat.control.P2PReplies;
import org.irsp.nat.control.ProbeObservations;
import org.irsp.nat.entity.Candidate;
import org.irsp.nat.entity.P2PAttempt;
import org.irsp.presence.boundary.Presences;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.rights.control.Enforcement;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.control.Tokens;
import org.irsp.session.entity.ConnectionCommand;
import org.irsp.telemetry.control.Meters;

/**
 * §12.3 P2P signalling: P2PConnectRequest (checks 404, 403, 480 in that order, then P2PConnectNotify to
 * the peer with the requester's candidates plus its server-reflexive ones and a one-time session key),
 * the peer's P2PConnectResponse (first answer wins), and P2PStatusReport.
 */
@Stateless
public class P2PSignalling {

    /** Who asks, from which connection and frame, and where the IRSP saw that connection come from. */
    public record Side(EntityRef entity, String connId, String msgId, Candidate websocketAddress) {}

    @Inject Accounts accounts;
    @Inject Enforcement enforcement;
    @Inject RoutingCache cache;
    @Inject Presences presences;
    @Inject ProbeObservations observations;
    @Inject P2PAttempts attempts;
    @Inject P2PReplies replies;
    @Inject ConnectionChannel connections;
    @Inject AuditLog audit;
    @Inject Clock clock;
    @Inject Meters meters;

    @Inject
    @ConfigProperty(name = "irsp.nat.answerTimeoutSeconds", defaultValue = "30")
    long answerTimeoutSeconds;

    /** Notifies the peer; the requester's P2PConnectResponse follows once the peer answers or time runs out. */
    public void request(Side a, EntityRef peer, String peerConnId, String purpose, List<Candidate> candidates) {
        if (!cache.exists(peer, () -> accounts.find(peer).isPresent())) {
            throw IrspException.field(RetCode.NOT_FOUND, "body.peer", "unknown peer");
        }
        if (!cache.permits(a.entity(), peer, "control", () -> enforcement.permits(a.entity(), peer, "control"))) {
            audit.recordRefusal(a.entity().key(), null, "p2p.connect", 403, "peer=" + peer.key());
            throw new IrspException(RetCode.FORBIDDEN, peer.type() == EntityType.DEVICE
                    ? "the control right on the device is required" : "the peer is neither a friend nor a related device");
        }
        Set<String> reachable = new LinkedHashSet<>(presences.connIds(peer));
        reachable.remove(a.connId());
        if (peerConnId != null) {
            reachable = reachable.contains(peerConnId) ? Set.of(peerConnId) : Set.of();
        }
        if (reachable.isEmpty()) {
            throw new IrspException(RetCode.OFFLINE, "the peer is offline");
        }
        P2PAttempt attempt = new P2PAttempt(a.entity(), a.connId(), a.msgId(), peer, reachable, Tokens.random(32),
                clock.instant(), Duration.ofSeconds(answerTimeoutSeconds));
        attempts.add(attempt);
        if (goneMeanwhile(attempt, reachable, peer)) {
            replies.send(attempt, RetCode.OFFLINE, "the peer disconnected before answering");
            return;
        }
        P2PNotice notice = new P2PNotice(attempt.requestId(), Endpoint.of(a.entity(), a.connId()), purpose,
                withReflexive(candidates, a), attempt.sessionKey(), attempt.answerDeadline());
        for (String connId : reachable) {
            connections.send(ConnectionCommand.push(peer, connId, null, notice, null));
        }
    }

    /** The peer's answer; the requester learns it at once. 410 if unknown, already answered or too late. */
    public void answer(Side b, String requestId, boolean accept, List<Candidate> candidates) {
        P2PAttempt attempt = attempts.change(requestId, a -> {
            a.answer(b.entity(), accept, clock.instant());
            return a;
        }).orElseThrow(() -> new IrspException(RetCode.GONE, "unknown request"));
        replies.answered(attempt, accept, accept ? withReflexive(candidates, b) : null);
    }

    /** A side's P2PStatusReport; 404 for a requestId this side does not know. */
    public void report(EntityRef reporter, String requestId, P2PAttempt.Report report) {
        attempts.change(requestId, a -> {
            a.report(reporter, report);
            return a;
        }).orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown requestId"));
        meters.p2pPath(report.path());
    }

    /** A connection closed: its observation is gone, and attempts whose peer it was answer 480. */
    public void closed(String connId) {
        observations.forget(connId);
        attempts.closed(connId);
    }

    /** Closes the race with a closing peer connection: presence goes first, then {@link #closed} runs. */
    private boolean goneMeanwhile(P2PAttempt attempt, Set<String> reachable, EntityRef peer) {
        List<String> still = presences.connIds(peer);
        boolean gone = false;
        for (String connId : reachable) {
            gone |= !still.contains(connId) && attempts.change(attempt.requestId(), a -> a.closed(connId, clock.instant())).orElse(false);
        }
        return gone;
    }

    /** The side's own candidates, then the IRSP's: the WebSocket's address (tcp), the last AddrProbe (udp). */
    private List<Candidate> withReflexive(List<Candidate> own, Side side) {
        List<Candidate> all = new ArrayList<>(own);
        if (side.websocketAddress() != null) {
            all.add(side.websocketAddress());
        }
        observations.latest(side.connId()).ifPresent(all::add);
        return all;
    }
}
