package org.irsp.presence.boundary;

import org.irsp.registration.entity.EntityType;

/** §13.1 criteria after JSON checks; absent criteria are null. */
public record SearchQuery(String id, String q, EntityType type, String deviceType, String serviceType, int page, int size) {}
