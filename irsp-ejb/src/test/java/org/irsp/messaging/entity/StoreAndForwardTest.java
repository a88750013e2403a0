package org.irsp.messaging.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.EntityRef;
import org.junit.jupiter.api.Test;

class StoreAndForwardTest {

    static final Target BOB = new Target(EntityRef.user("bob1"), null, false);
    final AtomicInteger stores = new AtomicInteger();
    final Supplier<Optional<String>> room = () -> Optional.of("d-" + stores.incrementAndGet());
    final Supplier<Optional<String>> full = () -> {
        stores.incrementAndGet();
        return Optional.empty();
    };

    @Test
    void anInstantMessageGoesToTheConnectionsThereAreAndIsNeverStored() {
        Outcome o = StoreAndForward.decide(BOB, List.of("c-1", "c-2"), false, room);
        assertEquals(RetCode.OK, o.code());
        assertEquals(List.of("c-1", "c-2"), o.connIds());
        assertNull(o.deliveryId());
        assertEquals(RetCode.OFFLINE, StoreAndForward.decide(BOB, List.of(), false, room).code());
        assertEquals(0, stores.get());
    }

    @Test
    void aGuaranteedMessageIsStoredFirstThenForwardedWithItsDeliveryIdOrKeptForTheNextBind() {
        Outcome online = StoreAndForward.decide(BOB, List.of("c-1"), true, room);
        assertEquals(RetCode.OK, online.code());
        assertEquals("d-1", online.deliveryId());
        assertEquals(List.of("c-1"), online.connIds());
        Outcome offline = StoreAndForward.decide(BOB, List.of(), true, room);
        assertEquals(RetCode.ACCEPTED, offline.code());
        assertEquals("d-2", offline.deliveryId());
        assertEquals(List.of(), offline.connIds());
    }

    @Test
    void aFullQueueRefusesAGuaranteedMessageAndForwardsItNowhereEvenWhenTheTargetIsOnline() {
        Outcome o = StoreAndForward.decide(BOB, List.of("c-1"), true, full);
        assertEquals(RetCode.QUEUE_FULL, o.code());
        assertEquals(List.of(), o.connIds());
        assertEquals("offline queue full", o.reason());
    }
}
