package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.messaging.boundary.OfflineDeliveries;
import org.irsp.registration.entity.EntityRef;
import org.irsp.presence.control.PresenceDirectory;
import org.irsp.presence.entity.Bindings;
import org.irsp.push.entity.Relayed;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.entity.ConnectionCommand;

/**
 * Brings DataMessageResponses back to the sender (§11.3): to the connection that sent the message, else
 * to the sender's other connections, else into its offline queue; a connection on another node gets it
 * through the connection channel (the same frame, as {@link Relayed}). Also sends the IRSP's own 408/480.
 */
@ApplicationScoped
public class ResponseRouter {

    @Inject ConnectionRegistry registry;
    @Inject OfflineDeliveries offline;
    @Inject PresenceDirectory directory;
    @Inject ConnectionChannel channel;

    public void deliver(EntityRef sender, String senderConnId, JsonObject response) {
        Connection original = registry.bound(senderConnId);
        if (original != null && original.bound().entity().equals(sender)) {
            original.whenReady(() -> original.send(response.toString()));
            return;
        }
        Bindings bindings = directory.of(sender);
        if (bindings.isEmpty()) {
            offline.storeResponse(sender, response);
            return;
        }
        String to = bindings.holds(senderConnId) ? senderConnId : null; // else every connection of the sender
        channel.send(ConnectionCommand.push(sender, to, null, new Relayed(response), null));
    }

    /** The IRSP answers for a target that did not (408) or could not (480): source irsp, or the target in a multi. */
    public void fail(PendingResponses.Pending p, RetCode code) {
        JsonObject source = p.irspSource() ? Wire.JSON.createObjectBuilder().add("type", "irsp").build() : p.targetAddress();
        JsonObject response = Wire.JSON.createObjectBuilder().add("v", Frames.V).add("type", "DataMessageResponse")
                .add("msgId", Frames.newMsgId()).add("respTo", p.msgId()).add("retCode", code.code())
                .add("reason", code == RetCode.TIMEOUT ? "no response in time" : "target disconnected before responding")
                .add("details", JsonObject.EMPTY_JSON_OBJECT).add("source", source)
                .add("targets", Wire.JSON.createArrayBuilder().add(PushFrames.address(p.sender())
                        .add("connId", p.senderConnId())))
                .add("ts", Timestamps.format(Instant.now())).build();
        deliver(p.sender(), p.senderConnId(), response);
    }
}
