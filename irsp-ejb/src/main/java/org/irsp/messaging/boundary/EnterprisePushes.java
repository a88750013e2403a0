package org.irsp.messaging.boundary;

import org.irsp.codes.Wire;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.messaging.control.DuplicateWindow;
import org.irsp.messaging.control.OfflineQueue;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.messaging.entity.PushRequest;
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
            return rejection(null, invalid);
        }
        String dedupKey = "irsp:" + push.system();
        if (duplicates.claim(dedupKey, push.msgId()).isPresent()) {
            return rejection(push.msgId(), new IrspException(RetCode.CONFLICT, "duplicate msgId"));
        }
        try {
            JsonArrayBuilder results = Wire.JSON.createArrayBuilder();
            Set<EntityRef> seen = new LinkedHashSet<>();
            for (EntityRef target : push.targets()) {
                if (seen.add(target)) {
                    results.add(result(target, deliver(push, target)));
                }
            }
            JsonObject reply = Wire.JSON.createObjectBuilder().add("type", "MultiAck").add("respTo", push.msgId())
                    .add("retCode", 200).add("body", Wire.JSON.createObjectBuilder().add("results", results)).build();
            duplicates.settle(dedupKey, push.msgId(), "MultiAck", 200, null);
            return new PushOutcome(reply);
        } catch (RuntimeException failed) {
            duplicates.release(dedupKey, push.msgId());
            throw failed;
        }
    }

    private RetCode deliver(PushRequest push, EntityRef target) {
        if (accounts.find(target).isEmpty()) {
            return RetCode.NOT_FOUND;
        }
        boolean online = presences.isOnline(target);
        if (!push.guaranteed()) {
            if (online) {
                connections.send(ConnectionCommand.frame(target, null, null, push.liveFrame(null).toString(), null));
                return RetCode.OK;
            }
            return RetCode.OFFLINE;
        }
        String deliveryId = OfflineItem.newDeliveryId();
        var storedAt = clock.instant();
        JsonObject stored = Wire.JSON.createObjectBuilder().add("type", "OfflineMessageDelivery").add("msgId", deliveryId)
                .add("body", Wire.JSON.createObjectBuilder().add("storedAt", Timestamps.format(storedAt))
                        .add("message", push.storedMessage(target)))
                .build();
        if (!queue.store(target, new OfflineItem(deliveryId, OfflineItem.Kind.MESSAGE, stored.toString(), storedAt,
                Duration.ofSeconds(push.ttlSeconds())))) {
            return RetCode.QUEUE_FULL;
        }
        if (online) {
            connections.send(ConnectionCommand.frame(target, null, null, push.liveFrame(deliveryId).toString(), deliveryId));
            return RetCode.OK;
        }
        return RetCode.ACCEPTED;
    }

    private static JsonObject result(EntityRef target, RetCode code) {
        JsonObjectBuilder r = Wire.JSON.createObjectBuilder()
                .add("target", Wire.JSON.createObjectBuilder().add("type", target.type().wire()).add("id", target.id()))
                .add("retCode", code.code());
        String reason = switch (code) {
            case NOT_FOUND -> "unknown target";
            case OFFLINE -> "target offline";
            case QUEUE_FULL -> "offline queue full";
            default -> null;
        };
        return reason == null ? r.build() : r.add("reason", reason).build();
    }

    private static PushOutcome rejection(String msgId, IrspException e) {
        JsonObjectBuilder reply = Wire.JSON.createObjectBuilder().add("type", "MultiAck");
        if (msgId != null) {
            reply.add("respTo", msgId);
        }
        return new PushOutcome(reply.add("retCode", e.retCode().code()).add("reason", e.getMessage())
                .add("details", e.detailsJson()).build());
    }
}
