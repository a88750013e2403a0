package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.concurrent.TimeUnit;

/** §12.3 P2P signalling over real sockets: answered, declined, refused, timed out, peer gone, status reports. */
@ExtendWith(IrspServer.class)
class P2PSignallingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static JsonObject host(String ip, int port) {
        return Json.createObjectBuilder().add("type", "host").add("ip", ip).add("port", port).add("proto", "udp").build();
    }

    static JsonObjectBuilder connect(JsonObject peer, JsonArrayBuilder candidates) {
        return Json.createObjectBuilder().add("type", "P2PConnectRequest").add("msgId", UUID.randomUUID().toString())
                .add("body", Json.createObjectBuilder().add("peer", peer).add("purpose", "media").add("candidates", candidates));
    }

    static JsonObject answer(String requestId, boolean accept, JsonArrayBuilder candidates) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("requestId", requestId).add("accept", accept);
        if (candidates != null) {
            b.add("candidates", candidates);
        }
        return b.build();
    }

    static Party friendOf(Party alice) {
        Party bob = Party.user(Fixtures.newUser());
        String requestId = alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user", bob.address(), null))
                .getJsonObject("body").getString("requestId");
        bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
        return bob;
    }

    static Party ownedDevice(Party owner) {
        String code = "ABCDEFGH";
        Party device = Party.device(RelationshipIT.deviceWithCode(code));
        owner.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), code));
        return device;
    }

    private static List<String> candidateTypes(JsonArray candidates) {
        return candidates.getValuesAs(JsonObject.class).stream().map(c -> c.getString("type") + "/" + c.getString("proto")).toList();
    }

    @Test
    void anAcceptedRequestGivesBothSidesTheOtherCandidatesWithSrflxAndOneSessionKey() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice)) {
            JsonObjectBuilder request = connect(device.address(), Json.createArrayBuilder().add(host("192.168.1.20", 40112)));
            JsonObject sent = request.build();
            var response = alice.ws.call(Json.createObjectBuilder(sent));

            JsonObject notify = device.next("P2PConnectNotify").getJsonObject("body");
            assertEquals(alice.session.connId(), notify.getJsonObject("from").getString("connId"));
            assertEquals(alice.id, notify.getJsonObject("from").getString("id"));
            assertEquals("media", notify.getString("purpose"));
            assertEquals(List.of("host/udp", "srflx/tcp"), candidateTypes(notify.getJsonArray("candidates")));
            assertEquals("127.0.0.1", notify.getJsonArray("candidates").getJsonObject(1).getString("ip"));
            assertEquals(43, notify.getString("sessionKey").length());
            assertNotNull(notify.getString("expiresAt"));

            String requestId = notify.getString("requestId");
            JsonObject ack = device.request("P2PConnectResponse", answer(requestId, true, Json.createArrayBuilder().add(host("10.0.0.5", 3999))));
            assertEquals("Ack", ack.getString("type"));
            assertEquals(200, ack.getInt("retCode"));

            JsonObject toAlice = response.orTimeout(10, TimeUnit.SECONDS).join();
            assertEquals("P2PConnectResponse", toAlice.getString("type"));
            assertEquals(200, toAlice.getInt("retCode"));
            assertEquals("irsp", toAlice.getJsonObject("source").getString("type"));
            JsonObject body = toAlice.getJsonObject("body");
            assertEquals(requestId, body.getString("requestId"));
            assertTrue(body.getBoolean("accept"));
            assertEquals(notify.getString("sessionKey"), body.getString("sessionKey"));
            assertEquals(List.of("host/udp", "srflx/tcp"), candidateTypes(body.getJsonArray("candidates")));

            assertEquals(410, device.request("P2PConnectResponse", answer(requestId, false, null)).getInt("retCode"), "the first answer wins");
            JsonObject replay = alice.call(Json.createObjectBuilder(sent));
            assertEquals(409, replay.getInt("retCode"));
            assertEquals("P2PConnectResponse", replay.getJsonObject("details").getString("originalType"));
            assertEquals(200, replay.getJsonObject("details").getInt("originalRetCode"));
            assertEquals(body, replay.getJsonObject("body"), "a replay repeats the answer's body");
        }
    }

    @Test
    void bothSidesReportTheirPathAndOthersDoNotKnowTheRequest() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = friendOf(alice); Party stranger = Party.user(Fixtures.newUser())) {
            var response = alice.ws.call(connect(bob.address(), Json.createArrayBuilder()));
            String requestId = bob.next("P2PConnectNotify").getJsonObject("body").getString("requestId");
            bob.request("P2PConnectResponse", answer(requestId, true, Json.createArrayBuilder()));
            assertEquals(200, response.join().getInt("retCode"));
            JsonObject report = Json.createObjectBuilder().add("requestId", requestId).add("path", "relay").build();
            assertEquals(200, alice.request("P2PStatusReport", report).getInt("retCode"));
            assertEquals(200, bob.request("P2PStatusReport", Json.createObjectBuilder(report).add("path", "direct").add("rttMs", 12)
                    .add("candidate", host("10.0.0.5", 3999)).build()).getInt("retCode"));
            assertEquals(404, stranger.request("P2PStatusReport", report).getInt("retCode"));
            assertEquals(404, alice.request("P2PStatusReport", Json.createObjectBuilder(report)
                    .add("requestId", UUID.randomUUID().toString()).build()).getInt("retCode"));
            JsonObject badPath = alice.request("P2PStatusReport", Json.createObjectBuilder(report).add("path", "tcp").build());
            assertEquals(400, badPath.getInt("retCode"));
            assertEquals("body.path", badPath.getJsonObject("details").getString("field"));
        }
    }

    @Test
    void aDeclinedRequestIs403WithTheDeclineInTheBody() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = friendOf(alice)) {
            var response = alice.ws.call(connect(bob.address(), Json.createArrayBuilder()));
            String requestId = bob.next("P2PConnectNotify").getJsonObject("body").getString("requestId");
            assertEquals(200, bob.request("P2PConnectResponse", answer(requestId, false, null)).getInt("retCode"));
            JsonObject declined = response.join();
            assertEquals(403, declined.getInt("retCode"));
            assertEquals(requestId, declined.getJsonObject("body").getString("requestId"));
            assertEquals(false, declined.getJsonObject("body").getBoolean("accept"));
            assertNotNull(declined.getString("reason"));
        }
    }

    @Test
    void strangersUnknownAndOfflinePeersAreRefusedInTheOrderOfTheChecks() {
        try (Party alice = Party.user(Fixtures.newUser()); Party stranger = Party.user(Fixtures.newUser());
             Party device = Party.device(Fixtures.newDevice())) {
            assertEquals(403, alice.call(connect(stranger.address(), Json.createArrayBuilder())).getInt("retCode"), "not a friend");
            assertEquals(403, alice.call(connect(device.address(), Json.createArrayBuilder())).getInt("retCode"), "no control right");
            assertNull(stranger.ws.next("P2PConnectNotify", Duration.ofMillis(300)));
            JsonObject unknown = Json.createObjectBuilder().add("type", "user").add("id", "nobody-" + System.nanoTime()).build();
            JsonObject notFound = alice.call(connect(unknown, Json.createArrayBuilder()));
            assertEquals("P2PConnectResponse", notFound.getString("type"));
            assertEquals(404, notFound.getInt("retCode"));
        }
        try (Party alice = Party.user(Fixtures.newUser())) {
            Party bob = friendOf(alice);
            bob.close();
            assertEquals(480, alice.call(connect(bob.address(), Json.createArrayBuilder())).getInt("retCode"), "offline friend");
            assertEquals(480, alice.call(connect(alice.address(), Json.createArrayBuilder())).getInt("retCode"), "no other terminal");
        }
    }

    @Test
    void malformedRequestsAre400NamingTheField() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = friendOf(alice)) {
            JsonArrayBuilder nine = Json.createArrayBuilder();
            for (int i = 0; i < 9; i++) {
                nine.add(host("10.0.0." + i, 4000 + i));
            }
            assertField("body.candidates", alice, connect(bob.address(), nine));
            assertField("body.candidates[0].ip", alice, connect(bob.address(), Json.createArrayBuilder().add(host("example.com", 1))));
            assertField("body.candidates[0].port", alice, connect(bob.address(), Json.createArrayBuilder().add(host("10.0.0.1", 0))));
            assertField("body.candidates[0].proto", alice, connect(bob.address(), Json.createArrayBuilder()
                    .add(Json.createObjectBuilder(host("fe80::1", 5)).add("proto", "sctp"))));
            JsonObjectBuilder noPurpose = connect(bob.address(), Json.createArrayBuilder());
            JsonObject f = noPurpose.build();
            assertField("body.purpose", alice, Json.createObjectBuilder(f).add("body", Json.createObjectBuilder(f.getJsonObject("body")).remove("purpose")));
            assertField("body.candidates", alice, Json.createObjectBuilder(f).add("msgId", UUID.randomUUID().toString())
                    .add("body", Json.createObjectBuilder(f.getJsonObject("body")).remove("candidates")));
            assertField("body.peer.type", alice, connect(Json.createObjectBuilder().add("type", "group").add("id", "friends").build(), Json.createArrayBuilder()));
            assertNull(bob.ws.next("P2PConnectNotify", Duration.ofMillis(300)), "nothing reached the peer");
            JsonObject noAccept = bob.request("P2PConnectResponse", Json.createObjectBuilder().add("requestId", "x").build());
            assertEquals(400, noAccept.getInt("retCode"));
            assertEquals("body.accept", noAccept.getJsonObject("details").getString("field"));
            assertEquals(410, bob.request("P2PConnectResponse", answer(UUID.randomUUID().toString(), true, null)).getInt("retCode"), "unknown request");
        }
    }

    private static void assertField(String field, Party from, JsonObjectBuilder frame) {
        JsonObject reply = from.call(frame);
        assertEquals("P2PConnectResponse", reply.getString("type"));
        assertEquals(400, reply.getInt("retCode"), reply.toString());
        assertEquals(field, reply.getJsonObject("details").getString("field"));
    }

    @Test
    void anUnansweredRequestTimesOutWith408AndALateAnswerIsGone() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = friendOf(alice)) {
            long start = System.nanoTime();
            JsonObject timedOut = alice.call(connect(bob.address(), Json.createArrayBuilder()));
            assertEquals(408, timedOut.getInt("retCode"));
            assertTrue(System.nanoTime() - start >= Duration.ofSeconds(2).toNanos(), "not before the answer timeout (3 s here)");
            String requestId = bob.next("P2PConnectNotify").getJsonObject("body").getString("requestId");
            assertEquals(410, bob.request("P2PConnectResponse", answer(requestId, true, null)).getInt("retCode"));
        }
    }

    @Test
    void aPeerThatDisconnectsBeforeAnsweringGives480() {
        try (Party alice = Party.user(Fixtures.newUser())) {
            Party bob = friendOf(alice);
            var response = alice.ws.call(connect(bob.address(), Json.createArrayBuilder()));
            assertNotNull(bob.next("P2PConnectNotify"));
            bob.close();
            assertEquals(480, response.orTimeout(10, TimeUnit.SECONDS).join().getInt("retCode"));
        }
    }
}
