package org.irsp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class InboxTest {

    private final Inbox inbox = new Inbox(3);

    private static JsonObject frame(String type, int n) {
        return Json.createObjectBuilder().add("type", type).add("n", n).build();
    }

    private static Predicate<JsonObject> ofType(String type) {
        return f -> type.equals(f.getString("type"));
    }

    @Test
    void takingOneTypeLeavesTheOthersQueuedInArrivalOrder() {
        inbox.add(frame("StatusChangeNotify", 1));
        inbox.add(frame("RelationshipEstablishedNotify", 2));
        inbox.add(frame("StatusChangeNotify", 3));

        assertEquals(2, inbox.take(ofType("RelationshipEstablishedNotify"), Duration.ZERO).getInt("n"));
        assertEquals(1, inbox.take(f -> true, Duration.ZERO).getInt("n"));
        assertEquals(3, inbox.take(ofType("StatusChangeNotify"), Duration.ZERO).getInt("n"));
        assertNull(inbox.take(f -> true, Duration.ZERO));
    }

    @Test
    void aReaderWaitsForTheFrameItWantsWhileOthersArrive() throws Exception {
        Thread sender = new Thread(() -> {
            inbox.add(frame("DataMessage", 1));
            inbox.add(frame("Ack", 2));
        });
        sender.start();
        assertEquals(2, inbox.take(ofType("Ack"), Duration.ofSeconds(10)).getInt("n"));
        sender.join();
        assertEquals(1, inbox.take(f -> true, Duration.ZERO).getInt("n"));
    }

    @Test
    void nothingWantedWithinTheTimeoutIsNull() {
        inbox.add(frame("DataMessage", 1));
        assertNull(inbox.take(ofType("Ack"), Duration.ofMillis(50)));
        assertEquals(1, inbox.take(f -> true, Duration.ZERO).getInt("n"));
    }

    @Test
    void framesNobodyTakesGiveWayOldestFirstBeyondTheCapacity() {
        for (int n = 1; n <= 5; n++) {
            inbox.add(frame("StatusChangeNotify", n));
        }
        assertEquals(3, inbox.take(f -> true, Duration.ZERO).getInt("n"));
        assertEquals(4, inbox.take(f -> true, Duration.ZERO).getInt("n"));
        assertEquals(5, inbox.take(f -> true, Duration.ZERO).getInt("n"));
        assertNull(inbox.take(f -> true, Duration.ZERO));
    }
}
