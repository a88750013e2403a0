package org.irsp.session.entity;

import org.irsp.push.entity.Push;
import org.irsp.registration.entity.EntityRef;

/**
 * What the business layer asks of the node that holds a connection: deliver a push, or end a
 * connection (optionally after a last push). Travels over JMS so that any node can hold the socket; the
 * node that holds it writes the frame and picks the close code.
 *
 * @param connId       PUSH: one connection only (null: every bound connection of the entity); CLOSE: the one to end
 * @param exceptConnId PUSH: skip this connection (the sender's own)
 * @param ending       CLOSE: why the connection ends
 * @param deliveryId   PUSH: the offline-queue item this push forwards, remembered as sent on the connection
 */
public record ConnectionCommand(Kind kind, EntityRef entity, String connId, String exceptConnId, Push push, Ending ending,
        String deliveryId) {

    public enum Kind { PUSH, CLOSE }

    /** Why the IRSP ends a connection; {@link #reason()} is what OfflineNotify says should it be the entity's last (§8.6). */
    public enum Ending {
        /** A newer connection of the device took its place (§8.4). */
        REPLACED,
        /** The session was deleted by its own entity (§8.6). */
        LOGOUT,
        /** Another connection of the entity or an administrator ended it. */
        KICKED;

        public String reason() {
            return name().toLowerCase();
        }
    }

    public static ConnectionCommand push(EntityRef entity, String connId, String exceptConnId, Push push, String deliveryId) {
        return new ConnectionCommand(Kind.PUSH, entity, connId, exceptConnId, push, null, deliveryId);
    }

    public static ConnectionCommand close(EntityRef entity, String connId, Push last, Ending ending) {
        return new ConnectionCommand(Kind.CLOSE, entity, connId, null, last, ending, null);
    }
}
