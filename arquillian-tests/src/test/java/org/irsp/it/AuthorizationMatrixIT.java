package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspRest.Session;
import org.irsp.client.IrspSocket;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every REST operation and every frame type a client may send, tried by those who must be refused: no
 * token, a made-up token, a logged-out token, an unrelated user, and a device where a user is required.
 * Each attempt is denied with the contract's JSON error, and afterwards the victim's account, device,
 * relationship and pending request are exactly as before.
 */
@ExtendWith(IrspServer.class)
class AuthorizationMatrixIT {

    private static final IrspRest REST = Fixtures.rest();
    private static final Set<Integer> DENIED = Set.of(403, 404);
    private static String victim;
    private static Session victimSession;
    private static String device;
    private static String relationshipId;
    private static String requestId;

    @BeforeAll
    static void victimWithADeviceARelationshipAndAPendingRequest() {
        victim = Fixtures.newUser();
        victimSession = REST.login("user", victim, "password", Fixtures.PASSWORD);
        device = RelationshipIT.deviceWithCode("ABCD-EFGH-2345");
        RestReply claimed = REST.call("POST", "relationships", RelationshipIT.establish("user-device",
                Json.createObjectBuilder().add("type", "device").add("id", device).build(), "ABCD-EFGH-2345"), victimSession.token());
        assertEquals(200, claimed.retCode(), claimed.body().toString());
        relationshipId = claimed.body().getString("relationshipId");
        RestReply asked = REST.call("POST", "relationships", RelationshipIT.establish("user-user",
                Json.createObjectBuilder().add("type", "user").add("id", Fixtures.newUser()).build(), null), victimSession.token());
        assertEquals(202, asked.retCode(), asked.body().toString());
        requestId = asked.body().getString("requestId");
    }

    /** The operations on the victim's resources: method, path, body. */
    private static List<String[]> victimOperations() {
        String d = "devices/" + IrspRest.encode(device);
        return List.of(
                new String[] {"GET", "users/" + victim, null},
                new String[] {"PATCH", "users/" + victim, "{\"nickname\":\"pwned\"}"},
                new String[] {"DELETE", "users/" + victim, null},
                new String[] {"PUT", "users/" + victim + "/password", "{\"oldPassword\":\"" + Fixtures.PASSWORD + "\",\"newPassword\":\"Pwn3d-pass!\"}"},
                new String[] {"GET", d, null},
                new String[] {"PATCH", d, "{\"name\":\"pwned\"}"},
                new String[] {"DELETE", d, null},
                new String[] {"PUT", d + "/secret", "{\"oldSecret\":\"" + Fixtures.SECRET + "\",\"newSecret\":\"pwned-secret-00001\"}"},
                new String[] {"PUT", d + "/verification-code", "{\"newCode\":\"WXYZ-2345\"}"},
                new String[] {"GET", d + "/rights", null},
                new String[] {"PUT", d + "/rights", "{\"defaultPolicy\":\"public\",\"entries\":[]}"},
                new String[] {"DELETE", "sessions/" + victimSession.connId(), null},
                new String[] {"DELETE", "relationships/" + relationshipId, null},
                new String[] {"POST", "relationship-requests/" + requestId, "{\"decision\":\"accept\"}"},
                new String[] {"DELETE", "relationship-requests/" + requestId, null});
    }

    /** Operations open to any authenticated caller, refused only without a valid token. */
    private static List<String[]> callerOperations() {
        return List.of(
                new String[] {"POST", "relationships", "{\"kind\":\"user-user\",\"target\":{\"type\":\"user\",\"id\":\"" + victim + "\"}}"},
                new String[] {"GET", "relationships", null},
                new String[] {"GET", "relationship-requests", null},
                new String[] {"GET", "search?q=us", null},
                new String[] {"GET", "status?ids=" + victim, null});
    }

    private static RestReply attempt(String[] op, String token) {
        return REST.send(op[0], op[1], op[2], token, Map.of());
    }

    @Test
    void withoutAValidTokenEveryOperationIs401AndChangesNothing() {
        Session ended = REST.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        assertEquals(200, REST.call("DELETE", "sessions/" + ended.connId(), null, ended.token()).retCode());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("made-up token", "A".repeat(43));
        tokens.put("logged-out token", ended.token());
        for (var token : tokens.entrySet()) {
            for (String[] op : concat(victimOperations(), callerOperations())) {
                RestReply r = attempt(op, token.getValue());
                assertEquals(401, r.retCode(), token.getKey() + ": " + op[0] + " " + op[1] + " " + r.body());
                assertEquals(401, r.status());
                assertEquals("Bearer", r.headers().firstValue("WWW-Authenticate").orElse(null), op[1]);
                assertTrue(r.body().containsKey("reason") && r.body().containsKey("details"));
            }
        }
        assertNothingChanged();
    }

    @Test
    void anUnrelatedUserAndADeviceAreDeniedEveryOperationOnAnothersResources() {
        Session stranger = REST.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
        String otherDevice = Fixtures.newDevice();
        Session aDevice = REST.login("device", otherDevice, "secret", Fixtures.SECRET);
        for (Session caller : List.of(stranger, aDevice)) {
            for (String[] op : victimOperations()) {
                RestReply r = attempt(op, caller.token());
                assertTrue(DENIED.contains(r.retCode()), caller.id() + ": " + op[0] + " " + op[1] + " " + r.body());
                assertTrue(r.body().containsKey("reason") && r.body().containsKey("details"));
            }
        }
        for (String kind : List.of("user-user", "user-device")) {
            String target = kind.equals("user-user") ? "{\"type\":\"user\",\"id\":\"" + victim + "\"}"
                    : "{\"type\":\"device\",\"id\":\"" + device + "\"}";
            RestReply r = attempt(new String[] {"POST", "relationships", "{\"kind\":\"" + kind + "\",\"target\":" + target + "}"},
                    aDevice.token());
            assertEquals(403, r.retCode(), "a device cannot ask for " + kind + ": " + r.body());
        }
        assertNothingChanged();
    }

    @Test
    void everyFrameTypeBeforeABindIs405AndCloses4405() {
        for (String type : List.of("Heartbeat", "PresenceSetRequest", "LogoutRequest", "DeviceAccessRightsConfigRequest",
                "DeviceAccessRightsQueryRequest", "RelationshipEstablishRequest", "RelationshipAcceptResponse",
                "RelationshipRejectResponse", "RelationshipWithdrawRequest", "RelationshipReleaseRequest",
                "RelationshipListRequest", "VerificationCodeModifyRequest", "DeviceVerificationCodeResetRequest", "DataMessage",
                "DataMessageResponse", "Ack", "P2PConnectRequest", "P2PConnectResponse", "P2PStatusReport", "SearchRequest",
                "StatusQueryRequest")) {
            try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), null)) {
                ws.sendRaw("{\"type\":\"" + type + "\",\"msgId\":\"x1\",\"body\":{}}");
                JsonObject ack = ws.next(Party.WAIT);
                assertNotNull(ack, type);
                assertEquals(405, ack.getInt("retCode"), type);
                assertEquals(4405, ws.closeCode(Party.WAIT), type);
            }
        }
        for (String token : new String[] {null, "A".repeat(43)}) {
            Session fresh = REST.login("user", Fixtures.newUser(), "password", Fixtures.PASSWORD);
            try (IrspSocket ws = IrspSocket.open(IrspServer.uri(), token)) {
                ws.sendRaw("{\"type\":\"ConnectionIdBindRequest\",\"msgId\":\"b1\",\"body\":{\"connId\":\"" + fresh.connId() + "\"}}");
                assertEquals(401, ws.next(Party.WAIT).getInt("retCode"));
                assertEquals(4401, ws.closeCode(Party.WAIT));
            }
        }
        assertNothingChanged();
    }

    @Test
    void boundStrangersAreDeniedEveryFrameOnAnothersResources() {
        JsonObject d = Json.createObjectBuilder().add("type", "device").add("id", device).build();
        try (Party stranger = Party.user(Fixtures.newUser()); Party aDevice = Party.device(Fixtures.newDevice())) {
            Map<String, JsonObject> frames = new LinkedHashMap<>();
            frames.put("DeviceAccessRightsConfigRequest", Json.createObjectBuilder().add("deviceId", device)
                    .add("defaultPolicy", "public").add("entries", Json.createArrayBuilder()).build());
            frames.put("DeviceAccessRightsQueryRequest", Json.createObjectBuilder().add("deviceId", device).build());
            frames.put("VerificationCodeModifyRequest", Json.createObjectBuilder().add("deviceId", device).build());
            frames.put("RelationshipReleaseRequest", Json.createObjectBuilder().add("relationshipId", relationshipId).build());
            frames.put("RelationshipWithdrawRequest", Json.createObjectBuilder().add("requestId", requestId).build());
            frames.put("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            frames.put("RelationshipRejectResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            frames.put("P2PConnectRequest", Json.createObjectBuilder().add("peer", d).add("purpose", "media")
                    .add("candidates", Json.createArrayBuilder()).build());
            for (Party caller : List.of(stranger, aDevice)) {
                for (var frame : frames.entrySet()) {
                    JsonObject reply = caller.request(frame.getKey(), frame.getValue());
                    assertTrue(DENIED.contains(reply.getInt("retCode")), caller.type + " " + frame.getKey() + ": " + reply);
                }
                JsonObject control = caller.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "dm-" + System.nanoTime())
                        .add("targets", Json.createArrayBuilder().add(d)).add("body", Json.createObjectBuilder().add("op", "control")));
                assertEquals(403, control.getInt("retCode"), "no control right: " + control);
            }
            JsonObject reset = stranger.request("DeviceVerificationCodeResetRequest", JsonObject.EMPTY_JSON_OBJECT);
            assertEquals(403, reset.getInt("retCode"), "a user is not a device: " + reset);
            for (String kind : List.of("user-user", "user-device")) {
                JsonObject target = kind.equals("user-user") ? Json.createObjectBuilder().add("type", "user").add("id", victim).build() : d;
                assertEquals(403, aDevice.request("RelationshipEstablishRequest", RelationshipIT.establish(kind, target, null)).getInt("retCode"));
            }
        }
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        RestReply me = REST.call("GET", "users/" + victim, null, victimSession.token());
        assertEquals(200, me.retCode(), "the victim's session still works: " + me.body());
        assertTrue(!me.body().containsKey("nickname"), me.body().toString());
        RestReply dev = REST.call("GET", "devices/" + IrspRest.encode(device), null, victimSession.token());
        assertEquals(200, dev.retCode());
        assertTrue(!dev.body().containsKey("name"), dev.body().toString());
        assertEquals(victim, dev.body().getString("owner"));
        assertEquals("relatedOnly", dev.body().getString("defaultPolicy"));
        assertTrue(REST.call("GET", "relationships", null, victimSession.token()).body().toString().contains(relationshipId));
        assertTrue(REST.call("GET", "relationship-requests?box=outgoing", null, victimSession.token()).body().toString().contains(requestId));
        assertEquals(200, REST.post("sessions", Json.createObjectBuilder().add("type", "user").add("id", victim)
                .add("password", Fixtures.PASSWORD).build()).retCode(), "the password is unchanged");
        assertEquals(200, REST.post("sessions", Json.createObjectBuilder().add("type", "device").add("id", device)
                .add("secret", Fixtures.SECRET).build()).retCode(), "the secret is unchanged");
    }

    private static List<String[]> concat(List<String[]> a, List<String[]> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
