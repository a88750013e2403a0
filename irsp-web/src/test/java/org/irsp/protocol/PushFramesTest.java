package org.irsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.irsp.nat.entity.Candidate;
import org.irsp.push.control.PushText;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.DeliveryFailed;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Established;
import org.irsp.push.entity.Forward;
import org.irsp.push.entity.Legacy;
import org.irsp.push.entity.P2PAnswer;
import org.irsp.push.entity.P2PNotice;
import org.irsp.push.entity.Push;
import org.irsp.push.entity.Relayed;
import org.irsp.push.entity.Released;
import org.irsp.push.entity.Replaced;
import org.irsp.push.entity.RequestNotice;
import org.irsp.push.entity.RequestResult;
import org.irsp.push.entity.ServerPush;
import org.irsp.push.entity.StatusChange;
import org.irsp.push.entity.Stored;
import org.irsp.push.entity.WentOffline;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.boundary.Bound;
import org.junit.jupiter.api.Test;

/** The one codec of pushes: the frames it writes, and that a push crossing to another node is written alike. */
class PushFramesTest {

    static final EntityRef ALICE = EntityRef.user("alice");
    static final EntityRef BOB = EntityRef.user("bob1");
    static final EntityRef D1 = EntityRef.device("urn:IGRS:Device:DeviceId:0f8fad5b-d9cb-469f-a165-70867728950e");
    static final Bound TO_BOB = new Bound(BOB, "c-bob", 60);
    static final Instant NOW = Instant.parse("2026-11-30T08:00:01Z");
    static final Instant AT = Instant.parse("2026-11-30T08:00:00.123Z");
    static final JsonObject BODY = Json.createObjectBuilder().add("op", "event").add("text", "h\u00e9llo \ud83d\ude00").build();
    static final Forward FORWARD = new Forward("m-1", Endpoint.of(ALICE, "c-alice"), Endpoint.of(BOB), "2026-11-30T07:59:59Z",
            true, true, 600, BODY, "d-abc");

    private static String irspHead(String type, String msgId) {
        return "{\"v\":\"1.0\",\"type\":\"" + type + "\",\"msgId\":\"" + msgId + "\",\"source\":{\"type\":\"irsp\"},"
                + "\"targets\":[{\"type\":\"user\",\"id\":\"bob1\",\"connId\":\"c-bob\"}],\"ts\":\"2026-11-30T08:00:01.000Z\",";
    }

    @Test
    void aForwardedDataMessageKeepsTheSendersFieldsAndNamesTheRecipientAsResolved() {
        assertEquals("{\"v\":\"1.0\",\"type\":\"DataMessage\",\"msgId\":\"m-1\","
                + "\"source\":{\"type\":\"user\",\"id\":\"alice\",\"connId\":\"c-alice\"},\"targets\":[{\"type\":\"user\",\"id\":\"bob1\"}],"
                + "\"ts\":\"2026-11-30T07:59:59Z\",\"needResponse\":true,\"delivery\":\"offline\",\"ttl\":600,\"deliveryId\":\"d-abc\","
                + "\"body\":{\"op\":\"event\",\"text\":\"h\u00e9llo \ud83d\ude00\"}}",
                PushFrames.encode(FORWARD, null, TO_BOB, NOW));
    }

    @Test
    void aStoredMessageIsDeliveredUnderItsDeliveryIdWithoutTheLiveForwardsDeliveryId() {
        String frame = PushFrames.encode(new Stored(AT, FORWARD.asStored()), "d-abc", TO_BOB, NOW);
        assertEquals(irspHead("OfflineMessageDelivery", "d-abc") + "\"body\":{\"storedAt\":\"2026-11-30T08:00:00.123Z\","
                + "\"message\":{\"v\":\"1.0\",\"type\":\"DataMessage\",\"msgId\":\"m-1\","
                + "\"source\":{\"type\":\"user\",\"id\":\"alice\",\"connId\":\"c-alice\"},\"targets\":[{\"type\":\"user\",\"id\":\"bob1\"}],"
                + "\"ts\":\"2026-11-30T07:59:59Z\",\"needResponse\":true,\"delivery\":\"offline\",\"ttl\":600,"
                + "\"body\":{\"op\":\"event\",\"text\":\"h\u00e9llo \ud83d\ude00\"}}}}", frame);
    }

    @Test
    void aNotificationComesFromTheIrspToTheRecipientsConnection() {
        assertEquals(irspHead("StatusChangeNotify", "s-1") + "\"body\":{\"id\":\"alice\",\"type\":\"user\",\"presence\":\"busy\","
                + "\"connCount\":2,\"ts\":\"2026-11-30T08:00:00.123Z\"}}",
                PushFrames.encode(new StatusChange(ALICE, "busy", 2, AT), "s-1", TO_BOB, NOW));
    }

    @Test
    void aServerPushCarriesTheEnterpriseMsgIdAndSystem() {
        assertEquals("{\"v\":\"1.0\",\"type\":\"ServerPushNotify\",\"msgId\":\"e-1\",\"source\":{\"type\":\"irsp\",\"id\":\"erp\"},"
                + "\"targets\":[{\"type\":\"user\",\"id\":\"bob1\",\"connId\":\"c-bob\"}],\"ts\":\"ts\",\"delivery\":\"offline\","
                + "\"ttl\":60,\"deliveryId\":\"d-x\",\"body\":{}}",
                PushFrames.encode(new ServerPush("e-1", "erp", BOB, "ts", true, 60, JsonObject.EMPTY_JSON_OBJECT, "d-x"), null,
                        TO_BOB, NOW));
    }

    @Test
    void aP2PAnswerWithoutThePeersAnswerIsAnErrorWithoutBody() {
        assertEquals(irspHead("P2PConnectResponse", "s-2") + "\"respTo\":\"m-9\",\"retCode\":480,"
                + "\"reason\":\"the peer went away\",\"details\":{}}",
                PushFrames.encode(new P2PAnswer("m-9", 480, "the peer went away", null, false, null, null), "s-2", TO_BOB, NOW));
    }

    @Test
    void anItemStoredByAnEarlierVersionIsCompletedAsBefore() {
        Legacy old = new Legacy(Json.createObjectBuilder().add("type", "RelationshipResultNotify").add("msgId", "d-old")
                .add("body", Json.createObjectBuilder().add("requestId", "q-1")).build());
        assertEquals(old, PushText.readStored(old.partial().toString()));
        JsonObject frame = Json.createReader(new java.io.StringReader(PushFrames.encode(old, "d-old", TO_BOB, NOW))).readObject();
        assertEquals("d-old", frame.getString("msgId"));
        assertEquals("RelationshipResultNotify", frame.getString("type"));
        assertEquals("c-bob", frame.getJsonArray("targets").getJsonObject(0).getString("connId"));
        assertEquals("q-1", frame.getJsonObject("body").getString("requestId"));
    }

    @Test
    void everyPushIsWrittenAlikeAfterCrossingToAnotherNodeOrTheOfflineQueue() {
        Bond bond = new Bond("r-1", "user-device", ALICE, D1, "owner", 255);
        List<Push> pushes = List.of(FORWARD,
                new ServerPush("e-2", "", BOB, "ts", false, 604800, BODY, null),
                new Stored(AT, FORWARD.asStored()),
                new Stored(AT, new ServerPush("e-1", "erp", BOB, "ts", true, 60, BODY, null)),
                new Stored(AT, new Relayed(Json.createObjectBuilder().add("type", "DataMessageResponse").add("body", BODY).build())),
                new StatusChange(D1, "online", 1, AT),
                new WentOffline(ALICE, "timeout", AT),
                new RequestNotice("q-1", "user-device", ALICE, ALICE, D1, "user", 3, "please", AT),
                new RequestNotice("q-2", "user-user", ALICE, ALICE, BOB, null, null, null, AT),
                new RequestResult("q-1", "accepted", 200, "r-1", null),
                new Established(bond, "request"),
                new Released(bond, ALICE, "released"),
                new DeliveryFailed("m-1", Endpoint.of(D1), 410, "expired"),
                new P2PNotice("p-1", Endpoint.of(ALICE, "c-1"), "video",
                        List.of(new Candidate("host", "192.168.1.2", 5000, "udp"), Candidate.srflx("::1", 1, "tcp")), "k", AT),
                new P2PAnswer("m-9", 200, null, "p-1", true, List.of(new Candidate("host", "10.0.0.1", 1, "udp")), "k"),
                new Replaced(AT));
        for (Push p : pushes) {
            assertEquals(PushFrames.encode(p, "s-3", TO_BOB, NOW),
                    PushFrames.encode(PushText.readStored(PushText.write(p)), "s-3", TO_BOB, NOW), p.getClass().getSimpleName());
        }
    }
}
