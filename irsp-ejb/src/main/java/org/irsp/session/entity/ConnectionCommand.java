package org.irsp.session.entity;

import org.irsp.registration.entity.EntityRef;

/**
 * What the business layer asks of the node that holds a connection: deliver a frame, or close a
 * connection (optionally after a last frame). Travels over JMS so that any node can hold the socket.
 *
 * @param connId       FRAME: one connection only (null: every bound connection of the entity); CLOSE: the one to close
 * @param exceptConnId FRAME: skip this connection (the sender's own)
 * @param deliveryId   FRAME: the offline-queue item this frame forwards, remembered as sent on the connection
 * @param closeReason  CLOSE: the OfflineNotify reason (§8.6) should this be the entity's last connection
 */
public record ConnectionCommand(Kind kind, EntityRef entity, String connId, String exceptConnId, String frame,
        int closeCode, String closeReason, String deliveryId) {

    public enum Kind { FRAME, CLOSE }

    public static ConnectionCommand frame(EntityRef entity, String connId, String exceptConnId, String frame,
            String deliveryId) {
        return new ConnectionCommand(Kind.FRAME, entity, connId, exceptConnId, frame, 0, null, deliveryId);
    }

    public static ConnectionCommand close(EntityRef entity, String connId, String lastFrame, int closeCode,
            String closeReason) {
        return new ConnectionCommand(Kind.CLOSE, entity, connId, null, lastFrame, closeCode, closeReason, null);
    }
}
