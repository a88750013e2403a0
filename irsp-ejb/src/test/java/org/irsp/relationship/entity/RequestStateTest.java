package org.irsp.relationship.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.irsp.relationship.entity.RequestState.Event;
import org.junit.jupiter.api.Test;

class RequestStateTest {

    @Test
    void aPendingRequestMovesOnEveryEvent() {
        assertEquals(RequestState.ACCEPTED, RequestState.PENDING.on(Event.ACCEPT));
        assertEquals(RequestState.REJECTED, RequestState.PENDING.on(Event.REJECT));
        assertEquals(RequestState.EXPIRED, RequestState.PENDING.on(Event.EXPIRE));
        assertEquals(RequestState.WITHDRAWN, RequestState.PENDING.on(Event.WITHDRAW));
        assertEquals(RequestState.CANCELLED, RequestState.PENDING.on(Event.CANCEL));
    }

    @Test
    void aClosedRequestRefusesEveryEvent() {
        for (RequestState closed : RequestState.values()) {
            if (closed == RequestState.PENDING) {
                continue;
            }
            for (Event e : Event.values()) {
                assertThrows(IllegalStateException.class, () -> closed.on(e), closed + " " + e);
            }
        }
    }

    @Test
    void closedStatesNameTheResultTheRequesterIsTold() {
        assertEquals("accepted", RequestState.ACCEPTED.result());
        assertEquals("rejected", RequestState.REJECTED.result());
        assertEquals("expired", RequestState.EXPIRED.result());
        assertEquals("cancelled", RequestState.CANCELLED.result());
    }
}
