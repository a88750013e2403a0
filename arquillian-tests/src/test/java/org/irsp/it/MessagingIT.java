package org.irsp.it;

import static org.irsp.it.Fixtures.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §11 message exchange over real sockets: routing outcomes, responses, groups, guaranteed delivery. */
@ExtendWith(IrspServer.class)
class MessagingIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static JsonObjectBuilder message(JsonObject target, String op) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("n", 1);
        if (op != null) {
            body.add("op", op);
        }
        return Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Json.createArrayBuilder().add(target)).add("body", body);
    }

    /** A device's 200 DataMessageResponse to {@code received}, with body {"power": "on"}. */
    static JsonObject powerOnResponse(JsonObject received) {
        return Json.createObjectBuilder().add("type", "DataMessageResponse").add("msgId", "r-" + UUID.randomUUID())
                .add("respTo", received.getString("msgId")).add("retCode", 200)
                .add("targets", Json.createArrayBuilder().add(received.getJsonObject("source")))
                .add("body", Json.createObjectBuilder().add("power", "on")).build();
    }

    /** Alice owns a fresh device. */
    private static Party ownedDevice(Party owner) {
        String code = "ABCDEFGH";
        String deviceId = RelationshipIT.deviceWithCode(code);
        Party device = Party.device(deviceId);
        owner.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), code));
        return device;
    }


    @Test
    void aRequestReachesTheDeviceAndItsResponseComesBackOnceThenLateOnesAreGone() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice)) {
            JsonObjectBuilder request = message(device.address(), "control").add("needResponse", true);
            JsonObject sent = request.build();
            alice.ws.sendRaw(sent.toString());
            JsonObject received = device.next("DataMessage");
            assertEquals(sent.getString("msgId"), received.getString("msgId"));
            assertEquals(alice.session.connId(), received.getJsonObject("source").getString("connId"));
            assertEquals("instant", received.getString("delivery"));
            assertEquals(device.id, received.getJsonArray("targets").getJsonObject(0).getString("id"));
            JsonObject response = powerOnResponse(received);
            device.ws.sendRaw(response.toString());
            JsonObject relayed = alice.next("DataMessageResponse");
            assertEquals(sent.getString("msgId"), relayed.getString("respTo"));
            assertEquals("on", relayed.getJsonObject("body").getString("power"));
            assertEquals(device.session.connId(), relayed.getJsonObject("source").getString("connId"));
            device.ws.sendRaw(Json.createObjectBuilder(response).add("msgId", "r2-" + UUID.randomUUID()).build().toString());
            JsonObject late = device.next("Ack");
            assertEquals(410, late.getInt("retCode"));
        }
    }

    @Test
    void eachOutcomeOfTheRoutingTable() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice); Party stranger = Party.user(Fixtures.newUser())) {
            assertEquals(200, alice.call(message(device.address(), "read")).getInt("retCode"));
            assertEquals(404, alice.call(message(address("device", Fixtures.newDeviceId()), "read")).getInt("retCode"));
            assertEquals(403, stranger.call(message(device.address(), "read")).getInt("retCode"));
            JsonObject noOp = alice.call(message(device.address(), null));
            assertEquals(400, noOp.getInt("retCode"));
            assertEquals("body.op", noOp.getJsonObject("details").getString("field"));
            String sleeping = RelationshipIT.deviceWithCode("JKMN2345");
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", sleeping), "JKMN2345"));
            assertEquals(480, alice.call(message(address("device", sleeping), "read")).getInt("retCode"));
            for (int i = 0; i < 5; i++) {
                assertEquals(202, alice.call(message(address("device", sleeping), "read").add("delivery", "offline")).getInt("retCode"));
            }
            assertEquals(486, alice.call(message(address("device", sleeping), "read").add("delivery", "offline")).getInt("retCode"));
            JsonObject needsAnswer = alice.call(message(address("device", sleeping), "read").add("needResponse", true));
            assertEquals("DataMessageResponse", needsAnswer.getString("type"));
            assertEquals(480, needsAnswer.getInt("retCode"));
            assertEquals("irsp", needsAnswer.getJsonObject("source").getString("type"));
        }
    }

    @Test
    void silenceIs408AndADisconnectBeforeAnsweringIs480() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice)) {
            JsonObject timedOut = alice.call(message(device.address(), "control").add("needResponse", true));
            assertEquals("DataMessageResponse", timedOut.getString("type"));
            assertEquals(408, timedOut.getInt("retCode"));
            assertEquals("irsp", timedOut.getJsonObject("source").getString("type"));
            JsonObject sent = message(device.address(), "control").add("needResponse", true).build();
            alice.ws.sendRaw(sent.toString());
            JsonObject received = device.next("DataMessage");
            while (received != null && !sent.getString("msgId").equals(received.getString("msgId"))) {
                received = device.next("DataMessage"); // the first, unanswered message is still queued
            }
            assertNotNull(received);
            device.ws.close();
            JsonObject gone = alice.next("DataMessageResponse");
            assertEquals(480, gone.getInt("retCode"));
            assertEquals(sent.getString("msgId"), gone.getString("respTo"));
        }
    }

    @Test
    void aGroupGetsAMultiAckInResolutionOrder() {
        try (Party alice = Party.user(Fixtures.newUser()); Party online = ownedDevice(alice)) {
            String offline = RelationshipIT.deviceWithCode("PQRS2345");
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", offline), "PQRS2345"));
            JsonObject multi = alice.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "group").add("id", "devices")))
                    .add("body", Json.createObjectBuilder().add("op", "control")));
            assertEquals("MultiAck", multi.getString("type"));
            JsonArray results = multi.getJsonObject("body").getJsonArray("results");
            assertEquals(2, results.size());
            String first = results.getJsonObject(0).getJsonObject("target").getString("id");
            assertEquals(first.compareTo(results.getJsonObject(1).getJsonObject("target").getString("id")) < 0, true, "ascending IDs");
            for (int i = 0; i < 2; i++) {
                JsonObject r = results.getJsonObject(i);
                assertEquals(r.getJsonObject("target").getString("id").equals(online.id) ? 200 : 480, r.getInt("retCode"));
            }
            assertNotNull(online.next("DataMessage"));
            JsonObject unknownGroup = alice.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "group").add("id", "enemies"))));
            assertEquals("targets[0].id", unknownGroup.getJsonObject("details").getString("field"));
        }
    }

    @Test
    void usersReachFriendsOnEveryTerminalButNotStrangersAndNotTheSendingConnection() {
        String bobId = Fixtures.newUser();
        try (Party alice = Party.user(Fixtures.newUser()); Party phone = Party.user(bobId); Party laptop = Party.user(bobId);
             Party stranger = Party.user(Fixtures.newUser())) {
            String requestId = alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user", phone.address(), null))
                    .getJsonObject("body").getString("requestId");
            phone.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build());
            assertEquals(200, alice.call(message(phone.address(), null)).getInt("retCode"));
            assertNotNull(phone.next("DataMessage"));
            assertNotNull(laptop.next("DataMessage"));
            assertEquals(403, stranger.call(message(phone.address(), null)).getInt("retCode"));
            assertEquals(200, phone.call(message(phone.address(), null)).getInt("retCode"), "to its own other terminal");
            assertNotNull(laptop.next("DataMessage"));
            assertNull(phone.ws.next("DataMessage", Duration.ofMillis(300)), "never to the sending connection");
            JsonObject oneTerminal = Json.createObjectBuilder(phone.address()).add("connId", laptop.session.connId()).build();
            assertEquals(200, alice.call(message(oneTerminal, null)).getInt("retCode"));
            JsonObject onLaptop = laptop.next("DataMessage");
            assertEquals(laptop.session.connId(), onLaptop.getJsonArray("targets").getJsonObject(0).getString("connId"));
            assertNull(phone.ws.next("DataMessage", Duration.ofMillis(300)));
        }
        try (Party alone = Party.user(Fixtures.newUser())) {
            assertEquals(480, alone.call(message(alone.address(), null)).getInt("retCode"), "self-addressed, no other connection");
        }
    }

    @Test
    void messagesThatArriveWhileTheSdkWaitsForAnAnswerStayQueuedForTheApplication() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice)) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, alice.call(message(device.address(), "event")).getInt("retCode"));
            }
            Thread.sleep(500); // they reach the device's socket before its request below
            assertEquals(200, device.request("RelationshipListRequest", JsonObject.EMPTY_JSON_OBJECT).getInt("retCode"));
            for (int i = 0; i < 3; i++) {
                assertNotNull(device.next("DataMessage"), "message " + (i + 1) + " of 3 was kept");
            }
        }
    }

    @Test
    void aGuaranteedMessageToAnOnlineTargetSurvivesACutSocket() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice)) {
            device.ws.autoAck(false);
            JsonObject sent = message(device.address(), "control").add("delivery", "offline").build();
            assertEquals(200, alice.call(Json.createObjectBuilder(sent)).getInt("retCode"));
            JsonObject live = device.ws.next("DataMessage", WAIT);
            String deliveryId = live.getString("deliveryId");
            assertNotNull(deliveryId);
            device.ws.abort();
            try (Party again = Party.device(device.id)) {
                JsonObject item = again.next("OfflineMessageDelivery");
                assertEquals(deliveryId, item.getString("msgId"));
                assertEquals(sent.getString("msgId"), item.getJsonObject("body").getJsonObject("message").getString("msgId"));
            }
            try (Party third = Party.device(device.id)) {
                assertEquals(0, third.bindReply.getJsonObject("body").getInt("offlineItems"), "acked by the auto-Ack");
            }
        }
    }

    @Test
    void messagesToTheIrspAndRepeatedMsgIds() {
        try (Party alice = Party.user(Fixtures.newUser())) {
            JsonObject toIrsp = Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "irsp-" + UUID.randomUUID())
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "irsp")))
                    .add("body", Json.createObjectBuilder().add("op", "event").add("kind", "audit")).build();
            assertEquals(200, alice.call(Json.createObjectBuilder(toIrsp)).getInt("retCode"));
            JsonObject again = alice.call(Json.createObjectBuilder(toIrsp));
            assertEquals(409, again.getInt("retCode"));
            assertEquals("Ack", again.getJsonObject("details").getString("originalType"));
            assertFalse(again.containsKey("body"));
        }
    }

    @Test
    void anExpiredStoredMessageTellsASenderWhoAskedForAResponse() {
        try (Party alice = Party.user(Fixtures.newUser())) {
            String sleeping = RelationshipIT.deviceWithCode("HJKM2345");
            alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", address("device", sleeping), "HJKM2345"));
            JsonObject sent = message(address("device", sleeping), "read").add("delivery", "offline").add("ttl", 2)
                    .add("needResponse", true).build();
            JsonObject interim = alice.call(Json.createObjectBuilder(sent));
            assertEquals("DataMessageResponse", interim.getString("type"));
            assertEquals(202, interim.getInt("retCode"));
            JsonObject failed = alice.ws.next("DeliveryFailedNotify", Duration.ofSeconds(20));
            assertNotNull(failed, "no DeliveryFailedNotify");
            assertEquals(sent.getString("msgId"), failed.getJsonObject("body").getString("msgId"));
            assertEquals(410, failed.getJsonObject("body").getInt("retCode"));
            assertEquals("expired", failed.getJsonObject("body").getString("reason"));
            assertEquals(sleeping, failed.getJsonObject("body").getJsonObject("target").getString("id"));
        }
    }

    @Test
    void aRightsChangeTakesEffectOnTheNextMessage() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice); Party guest = Party.user(Fixtures.newUser())) {
            assertEquals(403, guest.call(message(device.address(), "read")).getInt("retCode"));
            alice.request("DeviceAccessRightsConfigRequest", Json.createObjectBuilder().add("deviceId", device.id).add("defaultPolicy", "relatedOnly")
                    .add("entries", Json.createArrayBuilder().add(Json.createObjectBuilder().add("subject", guest.address()).add("rights", 2))).build());
            assertEquals(200, guest.call(message(device.address(), "read")).getInt("retCode"));
            assertEquals(403, guest.call(message(device.address(), "control")).getInt("retCode"), "read only");
            alice.request("DeviceAccessRightsConfigRequest", Json.createObjectBuilder().add("deviceId", device.id).add("defaultPolicy", "relatedOnly")
                    .add("entries", Json.createArrayBuilder()).build());
            assertEquals(403, guest.call(message(device.address(), "read")).getInt("retCode"));
        }
    }

    @Test
    void moreThanAHundredTargetsAreRefusedWhole() {
        try (Party alice = Party.user(Fixtures.newUser())) {
            var targets = Json.createArrayBuilder();
            for (int i = 0; i < 101; i++) {
                targets.add(address("user", "nobody" + i + "x" + System.nanoTime()));
            }
            JsonObject refused = alice.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("targets", targets));
            assertEquals("Ack", refused.getString("type"));
            assertEquals(413, refused.getInt("retCode"));
        }
    }

    @Test
    void aResponseFindsTheSendersOtherTerminalOrWaitsInItsQueue() {
        String aliceId = Fixtures.newUser();
        try (Party phone = Party.user(aliceId); Party laptop = Party.user(aliceId); Party device = ownedDevice(phone)) {
            JsonObject sent = message(device.address(), "read").add("needResponse", true).build();
            phone.ws.sendRaw(sent.toString());
            JsonObject received = device.next("DataMessage");
            phone.ws.close();
            device.ws.sendRaw(Json.createObjectBuilder().add("type", "DataMessageResponse").add("msgId", UUID.randomUUID().toString())
                    .add("respTo", received.getString("msgId")).add("retCode", 200)
                    .add("targets", Json.createArrayBuilder().add(received.getJsonObject("source"))).build().toString());
            JsonObject onLaptop = laptop.next("DataMessageResponse");
            assertEquals(sent.getString("msgId"), onLaptop.getString("respTo"));

            JsonObject second = message(device.address(), "read").add("needResponse", true).build();
            laptop.ws.sendRaw(second.toString());
            JsonObject again = device.next("DataMessage");
            while (!second.getString("msgId").equals(again.getString("msgId"))) {
                again = device.next("DataMessage");
            }
            laptop.ws.close();
            device.ws.sendRaw(Json.createObjectBuilder().add("type", "DataMessageResponse").add("msgId", UUID.randomUUID().toString())
                    .add("respTo", again.getString("msgId")).add("retCode", 200)
                    .add("targets", Json.createArrayBuilder().add(again.getJsonObject("source"))).build().toString());
        }
        try (Party back = Party.user(aliceId)) {
            JsonObject queued = back.next("OfflineMessageDelivery");
            assertNotNull(queued, "the response waited in the sender's queue");
            assertEquals("DataMessageResponse", queued.getJsonObject("body").getJsonObject("message").getString("type"));
        }
    }

    @Test
    void aDuplicateOfAMessageStillAwaitingItsResponseOmitsTheOriginalOutcome() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice)) {
            JsonObject sent = message(device.address(), "read").add("needResponse", true).build();
            alice.ws.sendRaw(sent.toString());
            JsonObject duplicate = alice.call(Json.createObjectBuilder(sent));
            assertEquals("Ack", duplicate.getString("type"));
            assertEquals(409, duplicate.getInt("retCode"));
            assertFalse(duplicate.getJsonObject("details").containsKey("originalType"));
        }
    }

    @Test
    void aMultiAckKeepsTheOrderOfMixedOutcomesAndSilentTargetsGet408FromThemselves() {
        try (Party alice = Party.user(Fixtures.newUser()); Party device = ownedDevice(alice); Party carol = Party.user(Fixtures.newUser());
             Party foreign = ownedDevice(carol)) {
            JsonObject unknown = address("device", Fixtures.newDeviceId());
            JsonObject multi = alice.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("needResponse", true)
                    .add("targets", Json.createArrayBuilder().add(device.address()).add(unknown).add(foreign.address()))
                    .add("body", Json.createObjectBuilder().add("op", "control")));
            assertEquals("MultiAck", multi.getString("type"));
            JsonArray results = multi.getJsonObject("body").getJsonArray("results");
            assertEquals(200, results.getJsonObject(0).getInt("retCode"));
            assertEquals(404, results.getJsonObject(1).getInt("retCode"));
            assertEquals(403, results.getJsonObject(2).getInt("retCode"));
            assertEquals(foreign.id, results.getJsonObject(2).getJsonObject("target").getString("id"));
            JsonObject silence = alice.next("DataMessageResponse");
            assertEquals(408, silence.getInt("retCode"));
            assertEquals(device.id, silence.getJsonObject("source").getString("id"), "the 408 stands for the silent target");
            assertEquals(multi.getString("respTo"), silence.getString("respTo"));
        }
    }
}
