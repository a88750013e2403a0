package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.client.IrspRest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.function.Predicate;

/** §7.6 deletion cascade, §15.2 relationship/rights/code events, and request expiry across a restart. */
@ExtendWith(IrspServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RelationshipLifecycleIT {

    private final IrspRest rest = Fixtures.rest();

    private static JsonObject friendRequest(Party to, long expirySeconds) {
        return Json.createObjectBuilder().add("kind", "user-user").add("target", to.address()).add("expirySeconds", expirySeconds).build();
    }

    @Test
    @Order(1)
    void deletingAUserReleasesItsRelationshipsAndClosesItsRequests() {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = Party.user(Fixtures.newUser());
             Party carol = Party.user(Fixtures.newUser()); Party dave = Party.user(Fixtures.newUser())) {
            String ab = alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user", bob.address(), null))
                    .getJsonObject("body").getString("requestId");
            bob.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", ab).build());
            String bobToCarol = bob.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user", carol.address(), null))
                    .getJsonObject("body").getString("requestId");
            String daveToBob = dave.request("RelationshipEstablishRequest", RelationshipIT.establish("user-user", bob.address(), null))
                    .getJsonObject("body").getString("requestId");

            assertEquals(200, rest.call("DELETE", "users/" + bob.id, null, bob.session.token()).retCode());
            JsonObject released = alice.next("RelationshipReleasedNotify");
            assertEquals("accountDeleted", released.getJsonObject("body").getString("reason"));
            JsonObject cancelled = dave.next("RelationshipResultNotify");
            assertEquals(daveToBob, cancelled.getJsonObject("body").getString("requestId"));
            assertEquals("cancelled", cancelled.getJsonObject("body").getString("result"));
            assertEquals(404, cancelled.getJsonObject("body").getInt("retCode"));
            assertEquals(404, carol.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", bobToCarol).build())
                    .getInt("retCode"), "Table 2 rule 7: the requester was deleted");
        }
    }

    @Test
    @Order(2)
    void relationshipRightsAndCodeChangesArePublished() throws Exception {
        String deviceId = RelationshipIT.deviceWithCode("BCDF2345");
        try (var factory = new ActiveMQConnectionFactory(IrspServer.brokerUrl()); JMSContext jms = factory.createContext();
             Party alice = Party.user(Fixtures.newUser()); Party device = Party.device(deviceId)) {
            JMSConsumer deviceEvents = jms.createConsumer(jms.createTopic("irsp.events"), "entityId = '" + deviceId + "'");
            JMSConsumer relationshipEvents = jms.createConsumer(jms.createTopic("irsp.events"), "entityType = 'relationship'");
            String relationshipId = alice.request("RelationshipEstablishRequest", RelationshipIT.establish("user-device", device.address(), "BCDF2345"))
                    .getJsonObject("body").getString("relationshipId");
            JsonObject established = next(relationshipEvents, relationshipId);
            assertEquals("relationship.established", established.getString("eventType"));
            assertEquals("owner", established.getJsonObject("data").getString("role"));

            alice.request("DeviceAccessRightsConfigRequest", Json.createObjectBuilder().add("deviceId", deviceId)
                    .add("defaultPolicy", "public").add("entries", Json.createArrayBuilder()).build());
            assertEquals("rights.changed", nextOfType(deviceEvents, "rights.changed").getString("eventType"));
            alice.request("VerificationCodeModifyRequest", Json.createObjectBuilder().add("deviceId", deviceId).build());
            JsonObject code = nextOfType(deviceEvents, "vcode.changed");
            assertEquals(alice.id, code.getJsonObject("data").getJsonObject("by").getString("id"));

            alice.request("RelationshipReleaseRequest", Json.createObjectBuilder().add("relationshipId", relationshipId).build());
            JsonObject released = next(relationshipEvents, relationshipId);
            assertEquals("relationship.released", released.getString("eventType"));
            assertEquals("released", released.getJsonObject("data").getString("reason"));
        }
    }

    private static JsonObject next(JMSConsumer events, String entityId) throws Exception {
        return first(events, e -> entityId.equals(e.getString("entityId")), "an event for " + entityId);
    }

    private static JsonObject nextOfType(JMSConsumer events, String type) throws Exception {
        return first(events, e -> type.equals(e.getString("eventType")), type);
    }

    /** The first event matching {@code wanted}, skipping others (bounded). */
    private static JsonObject first(JMSConsumer events, Predicate<JsonObject> wanted, String what) throws Exception {
        for (int i = 0; i < 20; i++) {
            Message m = events.receive(10_000);
            assertNotNull(m, "no " + what);
            JsonObject e = Json.createReader(new StringReader(m.getBody(String.class))).readObject();
            if (wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("no " + what);
    }

    @Test
    @Order(3)
    void aPendingRequestSurvivesARestartAndExpiresOnTimeIntoTheRequestersQueue() throws Exception {
        String aliceId = Fixtures.newUser();
        String requestId;
        long deadline;
        try (Party alice = Party.user(aliceId); Party bob = Party.user(Fixtures.newUser())) {
            JsonObject pending = alice.request("RelationshipEstablishRequest", friendRequest(bob, 60));
            assertEquals(202, pending.getInt("retCode"));
            requestId = pending.getJsonObject("body").getString("requestId");
            deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        }
        IrspServer.restart();
        // expiry is detected within 60 s of the deadline (§11.5); the scan runs every 15 s
        long waitUntil = deadline + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < waitUntil) {
            Thread.sleep(1000);
        }
        try (Party alice = Party.user(aliceId)) {
            JsonObject expired = alice.next("RelationshipResultNotify");
            assertNotNull(expired, "no ResultNotify for the expired request");
            assertEquals(requestId, expired.getJsonObject("body").getString("requestId"));
            assertEquals("expired", expired.getJsonObject("body").getString("result"));
            assertEquals(408, expired.getJsonObject("body").getInt("retCode"));
        }
    }
}
