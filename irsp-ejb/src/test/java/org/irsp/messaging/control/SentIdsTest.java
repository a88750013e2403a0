package org.irsp.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.irsp.messaging.control.DuplicateWindow.Outcome;
import org.junit.jupiter.api.Test;

class SentIdsTest {

    private static final long DAY = 86_400_000L;

    @Test
    void aSecondClaimOfAMsgIdIsADuplicateWithTheFirstOutcome() {
        SentIds ids = new SentIds(4096);
        assertNull(ids.claim("m1", 1000, 1000 - DAY));
        Outcome pending = ids.claim("m1", 1001, 1001 - DAY);
        assertNotNull(pending);
        assertTrue(pending.pending());
        Object body = new Object();
        ids.settle("m1", "DataMessageResponse", 404, body);
        Outcome settled = ids.claim("m1", 1002, 1002 - DAY);
        assertEquals(new Outcome("DataMessageResponse", 404, body, 1000), settled);
    }

    @Test
    void aMsgIdPushedOutOfAFullWindowIsToldByItsDigestAndNoOtherIs() {
        List<String> pushedOut = new ArrayList<>();
        SentIds ids = new SentIds(3, pushedOut::add);
        ids.claim("m1", 1000, 1000 - DAY);
        ids.claim("m2", 1001, 1001 - DAY);
        ids.release("m2"); // a released msgId makes room without pushing one out
        ids.claim("m3", 1002, 1002 - DAY);
        ids.claim("m4", 1003, 1003 - DAY);
        assertEquals(List.of(), pushedOut);
        ids.claim("m5", 1004, 1004 - DAY);
        assertEquals(List.of(SentIds.digest("m1")), pushedOut);
        assertNotNull(ids.claim("m5", 1005, 1005 - DAY)); // a duplicate pushes nothing out
        assertEquals(List.of(SentIds.digest("m1")), pushedOut);
        assertNull(ids.claim("m1", 1006, 1006 - DAY), "m1 was pushed out: new again");
        assertEquals(List.of(SentIds.digest("m1"), SentIds.digest("m3")), pushedOut);
        assertEquals(32, SentIds.digest("m1").length());
        assertNotEquals(SentIds.digest("m1"), SentIds.digest("m3"));
    }

    @Test
    void aMsgIdClaimedBeforeTheWindowIsNewAgain() {
        SentIds ids = new SentIds(16);
        ids.claim("m1", 1000, 1000 - DAY);
        ids.settle("m1", "Ack", 200, null);
        assertNull(ids.claim("m1", 1000 + DAY, 1000));
        assertTrue(ids.claim("m1", 1001 + DAY, 1001).pending());
    }

    @Test
    void aReleasedPendingMsgIdIsNewAgainButASettledOneStays() {
        SentIds ids = new SentIds(16);
        ids.claim("pending", 1, 1 - DAY);
        ids.release("pending");
        assertNull(ids.claim("pending", 2, 2 - DAY));
        ids.claim("settled", 3, 3 - DAY);
        ids.settle("settled", "Ack", 200, null);
        ids.release("settled");
        assertEquals(200, ids.claim("settled", 4, 4 - DAY).retCode());
    }

    @Test
    void theOldestIsForgottenWhenMoreThanTheMaximumArrive() {
        SentIds ids = new SentIds(100);
        for (int i = 0; i < 150; i++) {
            assertNull(ids.claim("m" + i, i, i - DAY));
        }
        assertEquals(100, ids.size());
        assertNotNull(ids.claim("m149", 200, 200 - DAY));
        assertNotNull(ids.claim("m50", 200, 200 - DAY));
        assertNull(ids.claim("m49", 200, 200 - DAY));
    }

    @Test
    void pruningForgetsSettledMsgIdsOlderThanTheCutoffAndSaysWhenNoneIsLeft() {
        SentIds ids = new SentIds(4096);
        for (int i = 0; i < 1000; i++) {
            ids.claim("m" + i, i, i - DAY);
            ids.settle("m" + i, "Ack", 200, null);
        }
        assertFalse(ids.prune(990));
        assertEquals(10, ids.size());
        assertNull(ids.claim("m5", 2000, 2000 - DAY));
        assertNotNull(ids.claim("m995", 2000, 2000 - DAY));
        ids.settle("m5", "Ack", 200, null);
        assertTrue(ids.prune(5000));
    }

    @Test
    void aPendingMsgIdIsNotPruned() {
        SentIds ids = new SentIds(16);
        ids.claim("waiting", 1, 1 - DAY);
        assertFalse(ids.prune(1000));
        assertTrue(ids.claim("waiting", 2, 2 - DAY).pending());
    }

    @Test
    void theTwoHashesOfDifferentMsgIdsDiffer() {
        Set<Long> first = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = "00000000-0000-0000-0000-" + String.format("%012d", i);
            assertTrue(first.add(SentIds.hash1(id)), id);
        }
        assertNotEquals(SentIds.hash1("ab"), SentIds.hash1("ba"));
        assertNotEquals(SentIds.hash2("ab"), SentIds.hash2("ba"));
    }

    /** Random claims, settles, releases and prunes against a LinkedHashMap that keeps the same rules. */
    @Test
    void behavesAsAnInsertionOrderedMapOfTheMostRecentMsgIds() {
        Random random = new Random(42);
        int max = 50;
        SentIds ids = new SentIds(max);
        Map<String, long[]> model = new LinkedHashMap<>(); // msgId -> {time, code}
        long now = 0;
        for (int step = 0; step < 200_000; step++) {
            now += random.nextInt(3);
            String id = "id-" + random.nextInt(120);
            int op = random.nextInt(10);
            if (op < 6) {
                long[] seen = model.get(id);
                Outcome earlier = ids.claim(id, now, now - 1000);
                if (seen != null && seen[0] > now - 1000) {
                    assertNotNull(earlier, "step " + step);
                    assertEquals(seen[0], earlier.atMillis());
                    assertEquals(seen[1] < 0 ? 0 : seen[1], earlier.retCode());
                } else {
                    assertNull(earlier, "step " + step);
                    model.remove(id);
                    model.put(id, new long[] {now, -1});
                    while (model.size() > max) {
                        model.remove(model.keySet().iterator().next());
                    }
                }
            } else if (op < 8) {
                int code = 200 + random.nextInt(300);
                ids.settle(id, "Ack", code, null);
                model.computeIfPresent(id, (k, v) -> new long[] {v[0], code});
            } else if (op < 9) {
                ids.release(id);
                model.computeIfPresent(id, (k, v) -> v[1] < 0 ? null : v);
            } else if (random.nextInt(50) == 0) {
                long cutoff = now - 500;
                boolean empty = ids.prune(cutoff);
                var it = model.entrySet().iterator();
                while (it.hasNext()) {
                    long[] v = it.next().getValue();
                    if (v[1] < 0) {
                        break;
                    }
                    if (v[0] < cutoff) {
                        it.remove();
                    } else {
                        break;
                    }
                }
                assertEquals(model.isEmpty(), empty, "step " + step);
            }
        }
    }
}
