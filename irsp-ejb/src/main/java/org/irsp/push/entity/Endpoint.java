package org.irsp.push.entity;

import org.irsp.registration.entity.EntityRef;

/**
 * A §4.2 address as a push names it: a user or device (with {@code connId} where one connection is
 * meant), or the IRSP ({@code type} irsp, with the enterprise system as {@code id} for a ServerPushNotify).
 */
public record Endpoint(String type, String id, String connId) {

    public static Endpoint irsp(String system) {
        return new Endpoint("irsp", system == null || system.isEmpty() ? null : system, null);
    }

    public static Endpoint of(EntityRef entity) {
        return new Endpoint(entity.type().wire(), entity.id(), null);
    }

    public static Endpoint of(EntityRef entity, String connId) {
        return new Endpoint(entity.type().wire(), entity.id(), connId);
    }
}
