package org.irsp.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.irsp.presence.entity.Bindings;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.junit.jupiter.api.Test;

/** The cluster directory's optimistic updates, over a plain concurrent map standing in for the grid's. */
class GridPresenceDirectoryTest {

    private final ConcurrentMap<String, String> shared = new ConcurrentHashMap<>();
    private final EntityRef alice = new EntityRef(EntityType.USER, "alice");

    @Test
    void twoNodesSeeOneDirectoryAndTheLastConnectionGoneRemovesTheEntry() {
        GridPresenceDirectory node1 = new GridPresenceDirectory(shared);
        GridPresenceDirectory node2 = new GridPresenceDirectory(shared);
        node1.update(alice, b -> b.bound("c1", null, "node1"));
        PresenceDirectory.Change change = node2.update(alice, b -> b.bound("c2", "away", "node2"));
        assertEquals(List.of("c1"), change.before().connIds());
        assertEquals("node1", node2.of(alice).nodeOf("c1"));
        assertEquals("node2", node1.of(alice).nodeOf("c2"));
        node1.update(alice, b -> b.without("c1"));
        node2.update(alice, b -> b.without("c2"));
        assertTrue(node1.of(alice).isEmpty());
        assertTrue(shared.isEmpty(), "no entry is left for an entity with no bindings");
    }

    @Test
    void concurrentUpdatesFromManyNodesLoseNone() throws Exception {
        int threads = 8;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int node = t;
                done.add(pool.submit(() -> {
                    GridPresenceDirectory directory = new GridPresenceDirectory(shared);
                    start.await();
                    for (int i = 0; i < each; i++) {
                        directory.update(alice, b -> b.bound("c" + node + "-" + System.nanoTime(), null, "node" + node));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, new GridPresenceDirectory(shared).of(alice).connIds().size());
    }

    @Test
    void aDeviceBoundOnTwoNodesAtOnceKeepsExactlyOneConnection() throws Exception {
        EntityRef lamp = new EntityRef(EntityType.DEVICE, "lamp");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 100; round++) {
                String r = String.valueOf(round);
                var a = pool.submit(() -> new GridPresenceDirectory(shared).update(lamp, b -> b.bound("a" + r, null, "node1")));
                var b = pool.submit(() -> new GridPresenceDirectory(shared).update(lamp, x -> x.bound("b" + r, null, "node2")));
                a.get();
                b.get();
                Bindings now = new GridPresenceDirectory(shared).of(lamp);
                assertEquals(1, now.connIds().size());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
