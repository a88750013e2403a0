package org.irsp.client.p2p;

import jakarta.json.JsonObject;

/** A P2PConnectNotify (PROTOCOL §12.3), for the application to accept or decline. */
public record P2pOffer(String requestId, JsonObject from, String purpose) {}
