package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.messaging.boundary.Address;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Frames;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.MessageJson;
import org.irsp.protocol.PendingResponses;
import org.irsp.protocol.Reply;
import org.irsp.protocol.ResponseRouter;

/**
 * §11.3 DataMessageResponse from a target: relayed to the sender if it answers a message still awaiting
 * its response (the first response wins); anything else — late, after a 408, or to nothing — gets Ack 410.
 */
@ApplicationScoped
public class DataMessageResponseHandler implements FrameHandler {

    @Inject PendingResponses pending;
    @Inject ResponseRouter router;

    @Override
    public String type() {
        return "DataMessageResponse";
    }

    @Override
    public String replyType() {
        return "Ack";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        JsonFields f = frame.fields();
        String respTo = f.string("respTo", 1, 64);
        int retCode = f.optionalInteger("retCode", 100, 999).map(Long::intValue)
                .orElseThrow(() -> IrspException.badField("retCode", "retCode is mandatory"));
        List<Address> targets = MessageJson.targets(f);
        Address original = targets.get(0);
        if (targets.size() != 1 || original.entity() == null) {
            throw IrspException.badField("targets", "a response targets the received source");
        }
        var awaited = pending.answer(c.bound().entity(), original.entity(), respTo)
                .orElseThrow(() -> new IrspException(RetCode.GONE, "no message awaits this response"));
        JsonObjectBuilder relay = Wire.JSON.createObjectBuilder().add("v", Frames.V).add("type", "DataMessageResponse")
                .add("msgId", frame.msgId()).add("respTo", respTo).add("retCode", retCode);
        f.optionalString("reason", 0, 256).ifPresent(r -> relay.add("reason", r));
        f.optionalObject("details").ifPresent(d -> relay.add("details", d.object()));
        relay.add("source", Wire.JSON.createObjectBuilder().add("type", c.bound().entity().type().wire())
                        .add("id", c.bound().entity().id()).add("connId", c.bound().connId()))
                .add("targets", Wire.JSON.createArrayBuilder().add(frame.json().getJsonArray("targets").get(0)))
                .add("ts", f.optionalString("ts", 1, 64).orElse(Timestamps.format(Instant.now())));
        f.optionalObject("body").ifPresent(b -> relay.add("body", b.object()));
        router.deliver(awaited.sender(), awaited.senderConnId(), relay.build());
        return null;
    }

}
