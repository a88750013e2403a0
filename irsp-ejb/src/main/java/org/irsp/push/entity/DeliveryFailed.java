package org.irsp.push.entity;

/** DeliveryFailedNotify (§11.5): a stored message that needed a response expired undelivered. */
public record DeliveryFailed(String msgId, Endpoint target, int retCode, String reason) implements Push {
}
