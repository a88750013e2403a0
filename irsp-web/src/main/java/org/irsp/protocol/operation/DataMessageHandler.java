package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.messaging.boundary.Address;
import org.irsp.messaging.boundary.DataMessage;
import org.irsp.messaging.boundary.Routing;
import org.irsp.messaging.entity.Outcome;
import org.irsp.messaging.entity.Target;
import org.irsp.protocol.Connection;
import org.irsp.protocol.ConnectionRegistry;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.MessageJson;
import org.irsp.protocol.PendingResponses;
import org.irsp.protocol.PushFrames;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Forward;
import org.irsp.protocol.Reply;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.boundary.Bound;
import org.irsp.registration.entity.EntityType;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;
import org.irsp.telemetry.control.Meters;

/**
 * §11 DataMessage: resolve, decide per target, forward to the chosen connections, then answer the
 * sender (§11.2): an Ack for one target, the target's DataMessageResponse (or the IRSP's) when it
 * needs a response, a MultiAck for several targets or a group.
 */
@ApplicationScoped
public class DataMessageHandler implements FrameHandler {

    @Inject Routing routing;
    @Inject PendingResponses pending;
    @Inject ConnectionRegistry registry;
    @Inject ConnectionChannel channel;
    @Inject Meters meters;
    @Inject @ConfigProperty(name = "irsp.offline.defaultTtlSeconds", defaultValue = "604800") long defaultTtlSeconds;
    @Inject @ConfigProperty(name = "irsp.offline.maxTtlSeconds", defaultValue = "2592000") long maxTtlSeconds;

    @Override
    public String type() {
        return "DataMessage";
    }

    @Override
    public String replyType() {
        return "Ack";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        Bound bound = c.bound();
        EntityRef sender = bound.entity();
        JsonFields f = frame.fields();
        List<Address> addresses = MessageJson.targets(f);
        boolean needResponse = f.optionalBoolean("needResponse").orElse(false);
        boolean guaranteed = f.optionalEnum("delivery", Set.of("instant", "offline")).orElse("instant").equals("offline");
        long ttl = f.optionalInteger("ttl", 1, maxTtlSeconds).orElse(defaultTtlSeconds);
        JsonFields body = f.optionalObject("body").orElse(JsonFields.of(JsonObject.EMPTY_JSON_OBJECT, "body"));
        String op = body.optionalEnum("op", Set.of("read", "control", "event", "other")).orElse(null);
        List<Target> targets = routing.resolve(sender, addresses);
        if (op == null && targets.stream().anyMatch(t -> !t.irsp() && t.entity().type() == EntityType.DEVICE)) {
            throw IrspException.badField("body.op", "body.op is required for a device target");
        }
        String ts = f.optionalString("ts", 1, 64).orElse(Timestamps.format(Instant.now()));
        DataMessage m = new DataMessage(frame.msgId(), Endpoint.of(sender, c.bound().connId()), ts, needResponse, guaranteed,
                ttl, op, body.object());
        boolean multi = addresses.size() > 1 || addresses.stream().anyMatch(a -> a.group() != null);
        if (!multi) { // one target: a store for the next bind is answered once the broker has it, the next frame need not wait
            return Reply.later(routing.routeAlone(sender, c.bound().connId(), targets.get(0), m)
                    .thenApply(o -> answer(bound, m, List.of(o), false)));
        }
        return answer(bound, m, routing.route(sender, c.bound().connId(), targets, m), true);
    }

    /** Forwards to the connections chosen and answers the sender; null when the one target answers it itself. */
    private Reply answer(Bound bound, DataMessage m, List<Outcome> outcomes, boolean multi) {
        outcomes.forEach(o -> meters.routed(o.code().code()));
        if (m.needResponse()) {
            awaitResponses(bound, m, outcomes, !multi);
        }
        outcomes.stream().filter(o -> o.code() == RetCode.OK && !o.target().irsp()).forEach(o -> forward(o, m));
        return multi ? multiAck(outcomes) : single(outcomes.get(0), m.needResponse());
    }

    private void awaitResponses(Bound bound, DataMessage m, List<Outcome> outcomes, boolean single) {
        for (Outcome o : outcomes) {
            boolean forwarded = o.code() == RetCode.OK && !o.target().irsp();
            if (forwarded || o.code() == RetCode.ACCEPTED) {
                pending.await(o.target().entity(), bound.entity(), bound.connId(), m.msgId(),
                        MessageJson.address(o.target()), new HashSet<>(o.connIds()), single, m.ttlSeconds());
            }
        }
    }

    /** To connections here at once; to a connection on another node as the same push, which that node writes alike. */
    private void forward(Outcome o, DataMessage m) {
        Forward push = m.forwardTo(o.target(), o.deliveryId());
        String text = PushFrames.encode(push, null, null);
        for (String connId : o.connIds()) {
            Connection target = registry.bound(connId);
            if (target != null) {
                target.whenReady(() -> {
                    if (o.deliveryId() != null) {
                        target.sendOnce(o.deliveryId(), text);
                    } else {
                        target.send(text);
                    }
                });
            } else {
                channel.send(ConnectionCommand.push(o.target().entity(), connId, null, push, o.deliveryId()));
            }
        }
    }

    /** One target: an Ack, or with needResponse the IRSP's DataMessageResponse unless the target will answer. */
    private static Reply single(Outcome o, boolean needResponse) {
        boolean targetAnswers = o.code() == RetCode.OK && !o.target().irsp();
        if (needResponse && targetAnswers) {
            return null;
        }
        if (!needResponse && o.code().code() >= 300) {
            throw new IrspException(o.code(), o.reason());
        }
        return new Reply(needResponse ? "DataMessageResponse" : "Ack", o.code(), null, () -> {});
    }

    private static Reply multiAck(List<Outcome> outcomes) {
        JsonArrayBuilder results = Wire.JSON.createArrayBuilder();
        for (Outcome o : outcomes) {
            JsonObjectBuilder r = Wire.JSON.createObjectBuilder().add("target", MessageJson.address(o.target())).add("retCode", o.code().code());
            if (o.reason() != null) {
                r.add("reason", o.reason());
            }
            results.add(r);
        }
        return new Reply("MultiAck", RetCode.OK, Wire.JSON.createObjectBuilder().add("results", results).build(), () -> {});
    }
}
