package org.irsp.push.entity;

import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;

/**
 * What the IRSP sends a connection on its own initiative (§6.4 "I→C", §11.6), as typed values: the
 * business layer never writes a frame. One codec in irsp-web turns a push into the frame's bytes on the
 * node that holds the connection, so the bytes do not depend on the path (local, over the
 * command queue of another node, or out of the offline queue). Between nodes and in the offline queue a
 * push travels as JSON-B text ({@link org.irsp.push.control.PushText}), named by {@code push}.
 */
@JsonbTypeInfo(key = "push", value = {
        @JsonbSubtype(alias = "forward", type = Forward.class),
        @JsonbSubtype(alias = "serverPush", type = ServerPush.class),
        @JsonbSubtype(alias = "stored", type = Stored.class),
        @JsonbSubtype(alias = "relayed", type = Relayed.class),
        @JsonbSubtype(alias = "statusChange", type = StatusChange.class),
        @JsonbSubtype(alias = "wentOffline", type = WentOffline.class),
        @JsonbSubtype(alias = "requestNotice", type = RequestNotice.class),
        @JsonbSubtype(alias = "requestResult", type = RequestResult.class),
        @JsonbSubtype(alias = "established", type = Established.class),
        @JsonbSubtype(alias = "released", type = Released.class),
        @JsonbSubtype(alias = "deliveryFailed", type = DeliveryFailed.class),
        @JsonbSubtype(alias = "p2pNotice", type = P2PNotice.class),
        @JsonbSubtype(alias = "p2pAnswer", type = P2PAnswer.class),
        @JsonbSubtype(alias = "replaced", type = Replaced.class)})
public sealed interface Push permits Forward, ServerPush, Stored, Relayed, StatusChange, WentOffline, RequestNotice,
        RequestResult, Established, Released, DeliveryFailed, P2PNotice, P2PAnswer, Replaced, Legacy {
}
