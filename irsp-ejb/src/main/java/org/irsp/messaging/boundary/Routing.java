package org.irsp.messaging.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.push.entity.Stored;
import org.irsp.events.entity.EnterpriseEvent;
import jakarta.enterprise.event.Event;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.control.RoutingCache;
import org.irsp.messaging.entity.Groups;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.messaging.entity.Outcome;
import org.irsp.messaging.entity.StoreAndForward;
import org.irsp.messaging.entity.Target;
import org.irsp.presence.boundary.Presences;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.EntityRef;
import org.irsp.relationship.control.RelationshipStore;
import org.irsp.rights.control.Enforcement;

/**
 * §11.1 DataMessage routing: target resolution (groups relative to the sender, at most
 * {@code irsp.msg.maxTargets}) and the outcome per target, first match wins: 404, 403 (§9.3), 200
 * (forwarded; with delivery offline also held until acked), 480, 486, 202 (stored).
 *
 * <p>Called for every DataMessage: a CDI bean with Jakarta Transactions' interceptor, not an EJB (every
 * call through CDI to a no-interface EJB costs Payara a thrown exception and a reflective lookup; see
 * {@link OfflineQueue}). Several targets are routed in one transaction, so a refusal or a failed store
 * rolls back what was stored for the others. The resolution and a frame's only target run in none of
 * their own, nor pass an interceptor: what they read is cached, a miss reads through the controls' own
 * transactions, and the store at once has none (an empty transaction begun and committed twice per
 * DataMessage was a seventh of the server's CPU on the one-way path).
 */
@ApplicationScoped
public class Routing {

    @Inject Accounts accounts;
    @Inject Enforcement enforcement;
    @Inject RelationshipStore relationships;
    @Inject Presences presences;
    @Inject OfflineQueue queue;
    @Inject Event<EnterpriseEvent> events;
    @Inject RoutingCache cache;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "irsp.msg.maxTargets", defaultValue = "100")
    int maxTargets;

    /** Targets in order, groups expanded in place, a repeated entity kept at its first position; 413 beyond the limit. */
    public List<Target> resolve(EntityRef sender, List<Address> addresses) {
        Map<String, Target> resolved = new LinkedHashMap<>();
        for (Address a : addresses) {
            if (a.irsp()) {
                resolved.putIfAbsent("irsp", Target.irspItself());
            } else if (a.group() != null) {
                for (EntityRef member : cache.group(sender, a.group(), () -> Groups.members(sender, a.group(), relationships.of(sender)))) {
                    resolved.putIfAbsent(member.key(), new Target(member, null, false));
                }
            } else {
                resolved.putIfAbsent(a.entity().key(), new Target(a.entity(), a.connId(), false));
            }
            if (resolved.size() > maxTargets) {
                throw new IrspException(RetCode.TOO_LARGE, "more than " + maxTargets + " targets");
            }
        }
        return List.copyOf(resolved.values());
    }

    /** The outcome for every target; stores what delivery {@code offline} asks to keep. */
    @Transactional
    public List<Outcome> route(EntityRef sender, String senderConnId, List<Target> targets, DataMessage m) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Target t : targets) {
            outcomes.add(t.irsp() ? toIrsp(sender, t, m) : outcome(sender, senderConnId, t, m, targets.size() == 1));
        }
        return outcomes;
    }

    /**
     * The outcome for a frame's only target, without waiting for the broker where the message is stored
     * for the next bind: the sender's connection can go on to its next frame meanwhile, and its stream of
     * stores shares the journal's writes. Everything else is decided at once, as {@link #route} does.
     */
    public CompletionStage<Outcome> routeAlone(EntityRef sender, String senderConnId, Target t, DataMessage m) {
        if (t.irsp()) {
            return CompletableFuture.completedFuture(toIrsp(sender, t, m));
        }
        Reach reach = reach(sender, senderConnId, t, m);
        if (reach.refused() != null || !m.guaranteed() || !reach.connections().isEmpty()) {
            return CompletableFuture.completedFuture(outcome(sender, t, m, true, reach));
        }
        OfflineItem item = item(t, m);
        return queue.storeLater(t.entity(), item, sender)
                .thenApply(kept -> StoreAndForward.stored(t, List.of(), kept ? Optional.of(item.deliveryId()) : Optional.empty()));
    }

    private Outcome outcome(EntityRef sender, String senderConnId, Target t, DataMessage m, boolean alone) {
        return outcome(sender, t, m, alone, reach(sender, senderConnId, t, m));
    }

    private Outcome outcome(EntityRef sender, Target t, DataMessage m, boolean alone, Reach reach) {
        return reach.refused() != null ? reach.refused()
                : StoreAndForward.decide(t, reach.connections(), m.guaranteed(), () -> store(sender, t, m, alone));
    }

    /** Either a refusal (404, 403, 480) or the target's connections the message may go to now. */
    private record Reach(Outcome refused, List<String> connections) {
        static Reach refused(Target t, RetCode code) {
            return new Reach(Outcome.of(t, code), List.of());
        }
    }

    private Reach reach(EntityRef sender, String senderConnId, Target t, DataMessage m) {
        if (!cache.exists(t.entity(), () -> accounts.find(t.entity()).isPresent())) {
            return Reach.refused(t, RetCode.NOT_FOUND);
        }
        if (!cache.permits(sender, t.entity(), m.op(), () -> enforcement.permits(sender, t.entity(), m.op()))) {
            return Reach.refused(t, RetCode.FORBIDDEN);
        }
        List<String> connections = new ArrayList<>(presences.connIds(t.entity()));
        connections.remove(senderConnId);
        if (t.connId() != null) {
            if (connections.contains(t.connId())) {
                connections = List.of(t.connId());
            } else if (!m.guaranteed()) {
                return Reach.refused(t, RetCode.OFFLINE);
            }
        }
        if (m.guaranteed() && t.entity().equals(sender) && connections.isEmpty()) {
            return Reach.refused(t, RetCode.OFFLINE); // no other connection of one's own to keep it for
        }
        return new Reach(null, connections);
    }

    /**
     * The message in the target's queue, as OfflineMessageDelivery will carry it; empty when the quota is
     * full. For the frame's only target it is stored at once, without a transaction: its outcome is the
     * frame's. For one of several, in the routing transaction, so that a failure of a later target
     * (503) leaves none stored and the sender's retry duplicates nothing.
     */
    private Optional<String> store(EntityRef sender, Target t, DataMessage m, boolean alone) {
        OfflineItem item = item(t, m);
        boolean kept = alone ? queue.storeNow(t.entity(), item, sender) : queue.store(t.entity(), item, sender);
        return kept ? Optional.of(item.deliveryId()) : Optional.empty();
    }

    private OfflineItem item(Target t, DataMessage m) {
        String deliveryId = OfflineItem.newDeliveryId();
        Instant now = clock.instant();
        return OfflineItem.of(deliveryId, new Stored(now, m.forwardTo(t, null)), now, Duration.ofSeconds(m.ttlSeconds()));
    }

    private Outcome toIrsp(EntityRef sender, Target t, DataMessage m) {
        events.fire(new EnterpriseEvent.MessageToIrsp(sender, m.msgId(), m.op(), m.body()));
        return Outcome.of(t, RetCode.OK);
    }
}
