package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.codes.IrspException;
import org.irsp.presence.boundary.Presences;
import org.irsp.presence.entity.Bindings;
import org.irsp.presence.entity.Presence;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;

/** §8.5 PresenceSetRequest: this connection's presence; devices may only be online. */
@ApplicationScoped
public class PresenceSetHandler implements FrameHandler {

    @Inject
    Presences presences;

    @Override
    public String type() {
        return "PresenceSetRequest";
    }

    @Override
    public String replyType() {
        return "PresenceSetResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        String presence = frame.body().enumValue("presence", Presence.USER_VALUES);
        if (!Bindings.allows(c.bound().entity().type(), presence)) {
            throw IrspException.badField("body.presence", "a device is always online");
        }
        c.presence(presence);
        boolean changed = presences.changed(c.bound().entity(), c.bound().connId(), presence);
        return Reply.ok(Wire.JSON.createObjectBuilder().add("presence", presence).build(), () -> {
            if (changed) {
                presences.announce(c.bound().entity());
            }
        });
    }
}
