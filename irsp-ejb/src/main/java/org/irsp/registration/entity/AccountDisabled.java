package org.irsp.registration.entity;

/** CDI event fired inside the disabling transaction: the account's sessions end and its connections close (4003). */
public record AccountDisabled(EntityRef entity) {}
