package org.irsp.relationship.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.irsp.registration.entity.EntityRef;
import org.junit.jupiter.api.Test;

/** Every rule of Table 2 (§10.3) as the request entity applies it. */
class TableTwoTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(60);
    private static final EntityRef ALICE = EntityRef.user("alice");
    private static final EntityRef BOB = EntityRef.user("bob");
    private static final EntityRef CAROL = EntityRef.user("carol");
    private static final EntityRef D1 = EntityRef.device("urn:IGRS:Device:DeviceId:0f8fad5b-d9cb-469f-a165-70867728950e");

    private static RelationshipRequest friendRequest() {
        return new RelationshipRequest(Kind.USER_USER, ALICE, ALICE, BOB, Role.FRIEND, null, "hi", T0, T0.plus(Duration.ofDays(7)));
    }

    private static RelationshipRequest memberRequest(Integer rights) {
        return new RelationshipRequest(Kind.USER_DEVICE, CAROL, CAROL, D1, Role.MEMBER, rights, null, T0, T0.plus(Duration.ofDays(7)));
    }

    private static Answer accept(EntityRef responder) {
        return new Answer(responder, true, null, null, true, 63, true, true, null);
    }

    private static Answer reject(EntityRef responder) {
        return new Answer(responder, false, null, null, true, 63, true, true, null);
    }

    @Test
    void rule1AcceptByAnApproverCreatesWithTheRequestedValues() {
        RelationshipRequest r = memberRequest(null);
        Ruling ruling = r.answer(accept(ALICE), LATER);
        assertEquals(1, ruling.rule());
        assertEquals(200, ruling.retCode());
        assertTrue(ruling.create());
        assertEquals(Role.MEMBER, ruling.role());
        assertEquals(15, ruling.rights());
        assertEquals(RequestState.ACCEPTED, r.state());
    }

    @Test
    void rule2RejectClosesAndTellsTheRequester() {
        RelationshipRequest r = friendRequest();
        Ruling ruling = r.answer(reject(BOB), LATER);
        assertEquals(2, ruling.rule());
        assertEquals(200, ruling.retCode());
        assertTrue(ruling.notifyRequester());
        assertEquals(RequestState.REJECTED, r.state());
    }

    @Test
    void rule3AnExpiredRequestIsGone() {
        RelationshipRequest r = friendRequest();
        Ruling ruling = r.answer(accept(BOB), T0.plus(Duration.ofDays(7)));
        assertEquals(3, ruling.rule());
        assertEquals(410, ruling.retCode());
    }

    @Test
    void rule3ADifferentResponderOrDecisionAfterClosureIsGone() {
        RelationshipRequest r = friendRequest();
        r.answer(reject(BOB), LATER);
        assertEquals(410, r.answer(accept(BOB), LATER).retCode());
        assertEquals(410, r.answer(reject(CAROL), LATER).retCode());
    }

    @Test
    void rule4TheSameResponderRepeatingItsDecisionGetsTheFirstReplyAgain() {
        RelationshipRequest r = memberRequest(null);
        r.answer(accept(ALICE), LATER);
        r.created("rel-1");
        Ruling again = r.answer(accept(ALICE), LATER.plusSeconds(5));
        assertEquals(4, again.rule());
        assertEquals(200, again.retCode());
        assertEquals("rel-1", again.relationshipId());
        assertFalse(again.create());
        assertFalse(again.notifyRequester());
    }

    @Test
    void rule5AResponderWhoIsNotAnApproverIsRefusedAndNothingChanges() {
        RelationshipRequest r = friendRequest();
        Ruling ruling = r.answer(new Answer(CAROL, true, null, null, false, 0, false, true, null), LATER);
        assertEquals(5, ruling.rule());
        assertEquals(403, ruling.retCode());
        assertEquals(RequestState.PENDING, r.state());
    }

    @Test
    void rule6AnAcceptAfterCrossedRequestsReportsTheExistingRelationship() {
        RelationshipRequest r = friendRequest();
        Ruling ruling = r.answer(new Answer(BOB, true, null, null, true, 0, false, true, "rel-x"), LATER);
        assertEquals(6, ruling.rule());
        assertEquals("rel-x", ruling.relationshipId());
        assertFalse(ruling.create());
        assertTrue(ruling.notifyRequester());
        assertEquals(RequestState.ACCEPTED, r.state());
        RelationshipRequest crossed = friendRequest();
        crossed.acceptedElsewhere("rel-x", LATER);
        Ruling late = crossed.answer(new Answer(CAROL, true, null, null, true, 0, false, true, null), LATER);
        assertEquals(6, late.rule());
        assertEquals("rel-x", late.relationshipId());
    }

    @Test
    void rule7AnAcceptForADeletedOrWithdrawnRequester() {
        RelationshipRequest deleted = friendRequest();
        Ruling gone = deleted.answer(new Answer(BOB, true, null, null, true, 0, false, false, null), LATER);
        assertEquals(7, gone.rule());
        assertEquals(404, gone.retCode());
        assertEquals(RequestState.CANCELLED, deleted.state());

        RelationshipRequest withdrawn = friendRequest();
        withdrawn.withdraw(LATER);
        Ruling late = withdrawn.answer(accept(BOB), LATER);
        assertEquals(7, late.rule());
        assertEquals(410, late.retCode());
    }

    @Test
    void rule8ExplicitValuesBeyondTheRespondersRightsAreRefusedAndTheRequestStaysPending() {
        RelationshipRequest r = memberRequest(null);
        Ruling bits = r.answer(new Answer(ALICE, true, null, 0x20, true, 0x1f, false, true, null), LATER);
        assertEquals(8, bits.rule());
        assertEquals(403, bits.retCode());
        Ruling admin = r.answer(new Answer(ALICE, true, Role.ADMIN, null, true, 63, false, true, null), LATER);
        assertEquals(8, admin.rule());
        assertEquals(RequestState.PENDING, r.state());
    }

    @Test
    void implicitValuesAreSilentlyCappedToTheResponder() {
        RelationshipRequest r = memberRequest(63);
        Ruling ruling = r.answer(new Answer(ALICE, true, null, null, true, 0x13, false, true, null), LATER);
        assertEquals(1, ruling.rule());
        assertEquals(0x13, ruling.rights());
        RelationshipRequest admin = new RelationshipRequest(Kind.USER_DEVICE, CAROL, CAROL, D1, Role.ADMIN, null, null, T0,
                T0.plus(Duration.ofDays(7)));
        Ruling capped = admin.answer(new Answer(ALICE, true, null, null, true, 0x1f, false, true, null), LATER);
        assertEquals(Role.MEMBER, capped.role());
        assertEquals(0x1f, capped.rights(), "the requested admin rights (63), capped to the responder's");
    }

    @Test
    void rule9NoAnswerBeforeExpiryClosesTheRequestAsExpired() {
        RelationshipRequest r = friendRequest();
        assertTrue(r.isExpiredAt(T0.plus(Duration.ofDays(7))));
        r.expire(T0.plus(Duration.ofDays(7)));
        assertEquals(RequestState.EXPIRED, r.state());
        assertEquals("expired", r.state().result());
    }
}
