package org.irsp.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.time.Instant;
import java.util.List;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.DeliveryFailed;
import org.irsp.push.entity.Endpoint;
import org.irsp.registration.entity.DefaultPolicy;
import org.irsp.registration.entity.EntityRef;
import org.irsp.rights.boundary.RightsView;
import org.irsp.rights.entity.Grant;
import org.junit.jupiter.api.Test;

/** §15.2: the body of every event type, as the table names its entity and data. */
class EventJsonTest {

    static final EntityRef ALICE = EntityRef.user("alice");
    static final EntityRef BOB = EntityRef.user("bob1");
    static final String D1_ID = "urn:IGRS:Device:DeviceId:0f8fad5b-d9cb-469f-a165-70867728950e";
    static final EntityRef D1 = EntityRef.device(D1_ID);
    static final Instant TS = Instant.parse("2026-11-30T08:00:01Z");

    private static String event(String type, String entityType, String entityId, String data) {
        return "{\"eventType\":\"" + type + "\",\"entityType\":\"" + entityType + "\",\"entityId\":\"" + entityId
                + "\",\"ts\":\"2026-11-30T08:00:01.000Z\",\"data\":" + data + "}";
    }

    @Test
    void presenceEventsNameTheAccountAndCarryTruePresenceOrTheReason() {
        assertEquals(event("presence.changed", "user", "alice", "{\"presence\":\"away\",\"connCount\":2}"),
                EventJson.write(new EnterpriseEvent.PresenceChanged(ALICE, "away", 2), TS));
        assertEquals(event("presence.offline", "device", D1_ID, "{\"reason\":\"heartbeatTimeout\"}"),
                EventJson.write(new EnterpriseEvent.PresenceOffline(D1, "heartbeatTimeout"), TS));
    }

    @Test
    void accountEventsCarryNothingButTheFieldsAnUpdateSet() {
        assertEquals(event("account.registered", "device", D1_ID, "{}"),
                EventJson.write(new EnterpriseEvent.AccountRegistered(D1), TS));
        assertEquals(event("account.deleted", "user", "alice", "{}"),
                EventJson.write(new EnterpriseEvent.AccountDeleted(ALICE), TS));
        assertEquals(event("account.updated", "user", "alice", "{\"fields\":[\"nickname\",\"searchable\"]}"),
                EventJson.write(new EnterpriseEvent.AccountUpdated(ALICE, List.of("nickname", "searchable")), TS));
    }

    @Test
    void relationshipEventsNameTheRelationshipAndTellKindPartiesRoleRightsAndTheReleaseReason() {
        Bond owned = new Bond("r-1", "user-device", ALICE, D1, "owner", 63);
        assertEquals(event("relationship.established", "relationship", "r-1", "{\"kind\":\"user-device\",\"parties\":["
                + "{\"type\":\"user\",\"id\":\"alice\"},{\"type\":\"device\",\"id\":\"" + D1_ID + "\"}],\"role\":\"owner\",\"rights\":63}"),
                EventJson.write(new EnterpriseEvent.RelationshipEstablished(owned), TS));
        Bond friends = new Bond("r-2", "user-user", ALICE, BOB, null, null);
        assertEquals(event("relationship.released", "relationship", "r-2", "{\"kind\":\"user-user\",\"parties\":["
                + "{\"type\":\"user\",\"id\":\"alice\"},{\"type\":\"user\",\"id\":\"bob1\"}],\"reason\":\"released\"}"),
                EventJson.write(new EnterpriseEvent.RelationshipReleased(friends, "released"), TS));
    }

    @Test
    void rightsAndCodeEventsNameTheDevice() {
        assertEquals(event("rights.changed", "device", D1_ID, "{\"defaultPolicy\":\"relatedOnly\",\"entries\":["
                + "{\"subject\":{\"type\":\"user\",\"id\":\"bob1\"},\"rights\":3}]}"),
                EventJson.write(new EnterpriseEvent.RightsChanged(D1_ID, "relatedOnly", List.of(new Grant(BOB, 3))), TS));
        assertEquals(event("vcode.changed", "device", D1_ID, "{\"by\":{\"type\":\"user\",\"id\":\"alice\"},\"releaseAll\":true}"),
                EventJson.write(new EnterpriseEvent.CodeChanged(D1_ID, ALICE, true), TS));
    }

    @Test
    void messageEventsNameTheSenderAnIrspSenderWithoutIdAsEmpty() {
        DeliveryFailed expired = new DeliveryFailed("m-7", new Endpoint("user", "bob1", null), 410, "expired");
        assertEquals(event("message.deliveryFailed", "user", "alice",
                "{\"msgId\":\"m-7\",\"target\":{\"type\":\"user\",\"id\":\"bob1\"},\"retCode\":410,\"reason\":\"expired\"}"),
                EventJson.write(new EnterpriseEvent.MessageUndelivered(Endpoint.of(ALICE), expired), TS));
        assertEquals(event("message.deliveryFailed", "irsp", "", "{\"msgId\":\"m-7\",\"target\":{\"type\":\"user\",\"id\":\"bob1\"},"
                + "\"retCode\":410,\"reason\":\"expired\"}"),
                EventJson.write(new EnterpriseEvent.MessageUndelivered(Endpoint.irsp(null), expired), TS));
        var body = Json.createObjectBuilder().add("temp", 21).build();
        assertEquals(event("message.toIrsp", "device", D1_ID, "{\"msgId\":\"m-8\",\"op\":\"report\",\"body\":{\"temp\":21}}"),
                EventJson.write(new EnterpriseEvent.MessageToIrsp(D1, "m-8", "report", body), TS));
        assertEquals(event("message.toIrsp", "device", D1_ID, "{\"msgId\":\"m-9\",\"body\":{\"temp\":21}}"),
                EventJson.write(new EnterpriseEvent.MessageToIrsp(D1, "m-9", null, body), TS));
    }

    @Test
    void aRightsAnswerHasTheOwnerOnceClaimedAndARoleOnlyForUserDeviceRelationships() {
        RightsView claimed = new RightsView(D1_ID, DefaultPolicy.ofWire("ownerOnly").orElseThrow(), "alice", List.of(new Grant(BOB, 1)),
                List.of(new RightsView.Held("r-1", ALICE, "owner", 63),
                        new RightsView.Held("r-3", EntityRef.device("urn:IGRS:Device:DeviceId:x"), null, 0)));
        assertEquals("{\"deviceId\":\"" + D1_ID + "\",\"defaultPolicy\":\"ownerOnly\",\"owner\":\"alice\",\"entries\":["
                + "{\"subject\":{\"type\":\"user\",\"id\":\"bob1\"},\"rights\":1}],\"relationships\":["
                + "{\"relationshipId\":\"r-1\",\"subject\":{\"type\":\"user\",\"id\":\"alice\"},\"role\":\"owner\",\"rights\":63},"
                + "{\"relationshipId\":\"r-3\",\"subject\":{\"type\":\"device\",\"id\":\"urn:IGRS:Device:DeviceId:x\"},\"rights\":0}]}",
                RightsJson.view(claimed).toString());
        RightsView unclaimed = new RightsView(D1_ID, DefaultPolicy.ofWire("public").orElseThrow(), null, List.of(), List.of());
        assertEquals("{\"deviceId\":\"" + D1_ID + "\",\"defaultPolicy\":\"public\",\"entries\":[],\"relationships\":[]}",
                RightsJson.view(unclaimed).toString());
    }
}
