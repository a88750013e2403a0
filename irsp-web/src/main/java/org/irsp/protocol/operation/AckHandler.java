package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.irsp.messaging.boundary.OfflineDeliveries;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;

/**
 * §6.7 Ack: gets no reply. An Ack whose respTo is a delivery ID removes that item from the entity's
 * offline queue, whatever its retCode and whichever connection sends it; an unknown respTo is ignored.
 */
@ApplicationScoped
public class AckHandler implements FrameHandler {

    @Inject
    OfflineDeliveries offline;

    @Override
    public String type() {
        return "Ack";
    }

    @Override
    public String replyType() {
        return "Ack";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        if (frame.json().get("respTo") instanceof JsonString respTo && OfflineItem.isDeliveryId(respTo.getString())) {
            offline.acknowledged(c.bound().entity(), respTo.getString());
        }
        return null;
    }
}
