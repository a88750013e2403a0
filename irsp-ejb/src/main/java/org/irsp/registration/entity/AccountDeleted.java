package org.irsp.registration.entity;

/** CDI event fired inside the deleting transaction, before the account row goes (§7.6 steps 1–4). */
public record AccountDeleted(EntityRef entity) {}
