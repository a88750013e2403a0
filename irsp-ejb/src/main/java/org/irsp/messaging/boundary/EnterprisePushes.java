package org.irsp.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.push.entity.Stored;
import org.irsp.messaging.control.DuplicateWindow;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.messaging.entity.Outcome;
import org.irsp.messaging.entity.PushRequest;
import org.irsp.messaging.entity.StoreAndForward;
import org.irsp.messaging.entity.Target;
import java.time.Instant;
import java.util.Optional;
import org.irsp.presence.boundary.Presences;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * §15.1 enterprise push: validates the message, then per target delivers a ServerPushNotify live,
 * stores it (delivery {@code offline}), or reports 404/480/486. Invalid messages are answered (400, 409,
 * 505) and consumed; a failure of the broker or database propagates so the message is redelivered.
 */
@Stateless
public class EnterprisePushes {

    @Inject
    @ConfigProperty(name = "irsp.offline.defaultTtlSeconds", defaultValue = "604800")
    long defaultTtlSeconds;

    @Inject
    @ConfigProperty(name = "irsp.offline.maxTtlSeconds", defaultValue = "2592000")
    long maxTtlSeconds;

    @Inject
    @ConfigProperty(name = "irsp.ws.maxFrameBytes", defaultValue = "65536")
    long maxFrameBytes;


    @Inject Accounts accounts;
    @Inject Presences presences;
    @Inject OfflineQueue queue;
    @Inject ConnectionChannel connections;
    @Inject DuplicateWindow duplicates;
    @Inject Clock clock;

    public PushOutcome accept(String text) {
        PushRequest push;
        try {
            push = PushRequest.parse(text, new PushRequest.Limits(defaultTtlSeconds, maxTtlSeconds, maxFrameBytes));
        } catch (IrspException invalid) {
            return PushOutcome.refused(null, invalid);
        }
        String dedupKey = "irsp:" + push.system();
        if (duplicates.claim(dedupKey, push.msgId()).isPresent()) {
            return PushOutcome.refused(push.msgId(), new IrspException(RetCode.CONFLICT, "duplicate msgId"));
        }
        try {
            List<Outcome> results = new ArrayList<>();
            Set<EntityRef> seen = new LinkedHashSet<>();
            for (EntityRef target : push.targets()) {
                if (seen.add(target)) {
                    results.add(deliver(push, target));
                }
            }
            duplicates.settle(dedupKey, push.msgId(), "MultiAck", 200, null);
            return PushOutcome.delivered(push.msgId(), results);
        } catch (RuntimeException failed) {
            duplicates.release(dedupKey, push.msgId());
            throw failed;
        }
    }

    /** The target's outcome by the store-and-forward rules DataMessages follow; every bound connection gets it. */
    private Outcome deliver(PushRequest push, EntityRef entity) {
        Target target = new Target(entity, null, false);
        if (accounts.find(entity).isEmpty()) {
            return Outcome.of(target, RetCode.NOT_FOUND);
        }
        Outcome o = StoreAndForward.decide(target, presences.connIds(entity), push.guaranteed(), () -> store(push, entity));
        if (o.code() == RetCode.OK) {
            connections.send(ConnectionCommand.push(entity, null, null, push.to(entity).withDeliveryId(o.deliveryId()),
                    o.deliveryId()));
        }
        return o;
    }

    private Optional<String> store(PushRequest push, EntityRef entity) {
        String deliveryId = OfflineItem.newDeliveryId();
        Instant storedAt = clock.instant();
        boolean kept = queue.store(entity, OfflineItem.of(deliveryId, new Stored(storedAt, push.to(entity)), storedAt,
                Duration.ofSeconds(push.ttlSeconds())));
        return kept ? Optional.of(deliveryId) : Optional.empty();
    }
}
