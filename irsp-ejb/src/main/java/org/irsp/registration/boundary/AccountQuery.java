package org.irsp.registration.boundary;

import org.irsp.registration.entity.EntityType;

/**
 * The console's account search: {@code text} found in the ID or the name (a user's nickname, a device's
 * name), case-insensitive; optionally only users or devices, devices of a type, devices of an owner.
 * Pages count from 0.
 */
public record AccountQuery(String text, EntityType type, String deviceType, String owner, int page, int size) {

    public static final int MAX_SIZE = 100;

    public AccountQuery {
        text = text == null ? "" : text.trim();
        deviceType = deviceType == null ? "" : deviceType.trim();
        owner = owner == null ? "" : owner.trim();
        page = Math.max(0, page);
        size = Math.max(1, Math.min(size, MAX_SIZE));
    }
}
