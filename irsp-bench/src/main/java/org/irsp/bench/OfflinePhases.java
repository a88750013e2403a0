package org.irsp.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.irsp.client.IrspRest;

/**
 * The offline store's phases: devices go offline, users store numbered guaranteed messages for them, the
 * devices come back and drain them, acking each; nothing may be lost or reordered. A drain is reported
 * twice: from the devices' logins (what a device waits) and from the first item delivered to the last
 * (what the store delivers, without the logins and binds).
 */
final class OfflinePhases {

    private final IrspRest rest;
    private final URI server;
    private final ExecutorService pool;

    OfflinePhases(IrspRest rest, URI server, ExecutorService pool) {
        this.rest = rest;
        this.server = server;
        this.pool = pool;
    }

    /**
     * Every user stores {@code stored} items for its device, one call outstanding per user, timed, after
     * {@code prefill} untimed ones: the timed stores find queues {@code prefill} deep. The drain delivers both.
     */
    void storeAndDrain(List<Pair> all, int prefill, int stored) throws Exception {
        all.forEach(p -> p.device.close());
        if (prefill > 0) {
            store(all, 0, prefill);
            System.out.printf("prefilled: %d items per device%n", prefill);
        }
        Thread.sleep(3000); // the server's work for the closes and the prefill is done: the timed phase is stores alone
        long t0 = System.nanoTime();
        long accepted = store(all, prefill, stored);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("guaranteed store (recipients offline, %d senders, queues %d deep): %d stored in %.1f s = %.0f/s%n",
                all.size(), prefill, accepted, seconds, accepted / seconds);
        drain(all, prefill + stored);
    }

    /** Items {@code from} to {@code from + count - 1} for every device, one call outstanding per user; how many were 202. */
    private long store(List<Pair> all, int from, int count) throws Exception {
        List<Future<?>> senders = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        for (Pair p : all) {
            senders.add(pool.submit(() -> {
                for (int seq = from; seq < from + count; seq++) {
                    JsonObject ack = p.user.call(Benchmark.message(p.deviceId, "event", false, true, seq)).get(35, TimeUnit.SECONDS);
                    if (ack.getInt("retCode") == 202) {
                        accepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : senders) {
            f.get();
        }
        return accepted.get();
    }

    /** One user stores {@code items} for its device with {@code inFlight} calls outstanding; then the drain. */
    void oneSender(Pair p, int items, int inFlight) throws Exception {
        p.device.close();
        Thread.sleep(500);
        Semaphore window = new Semaphore(inFlight);
        AtomicLong accepted = new AtomicLong();
        long t0 = System.nanoTime();
        for (int seq = 0; seq < items; seq++) {
            window.acquire();
            p.user.call(Benchmark.message(p.deviceId, "event", false, true, seq)).whenComplete((ack, failed) -> {
                if (ack != null && ack.getInt("retCode") == 202) {
                    accepted.incrementAndGet();
                }
                window.release();
            });
        }
        if (!window.tryAcquire(inFlight, 2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("stores still unanswered after 2 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("guaranteed store (one sender, %d in flight): %d stored in %.1f s = %.0f/s%n", inFlight, accepted.get(),
                seconds, accepted.get() / seconds);
        drain(List.of(p), items);
    }

    private void drain(List<Pair> all, int stored) throws Exception {
        ConcurrentHashMap<String, List<Integer>> seen = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, long[]> span = new ConcurrentHashMap<>();
        long t1 = System.nanoTime();
        List<Future<IrspRest.Session>> logins = new ArrayList<>();
        for (Pair p : all) {
            logins.add(pool.submit(() -> p.loginDevice(rest)));
        }
        List<IrspRest.Session> sessions = new ArrayList<>();
        for (Future<IrspRest.Session> login : logins) {
            sessions.add(login.get(10, TimeUnit.MINUTES));
        }
        List<Future<?>> drains = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Pair p = all.get(i);
            IrspRest.Session session = sessions.get(i);
            drains.add(pool.submit(() -> drain(p, session, stored, seen, span)));
        }
        for (Future<?> f : drains) {
            f.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        long delivered = seen.values().stream().mapToLong(List::size).sum();
        long first = span.values().stream().mapToLong(s -> s[0]).min().orElse(t1);
        long last = span.values().stream().mapToLong(s -> s[1]).max().orElse(t1);
        double delivering = Math.max(1e-3, (last - first) / 1e9);
        long lost = (long) all.size() * stored - delivered;
        long outOfOrder = seen.values().stream().filter(l -> !isIncreasing(l)).count();
        System.out.printf("drain at bind: %d delivered and acked in %.1f s = %.0f/s from the logins, %.0f/s from the first item"
                + " to the last; lost %d, out of order %d%n", delivered, seconds, delivered / seconds, delivered / delivering, lost, outOfOrder);
        if (lost != 0 || outOfOrder != 0) {
            all.stream().filter(p -> seen.get(p.deviceId).size() != stored).forEach(p -> System.out.printf(
                    "  %s: bind announced %d items, %d of the %d stored arrived%n", p.deviceId, p.announced, seen.get(p.deviceId).size(), stored));
            throw new IllegalStateException("messages lost or out of order");
        }
    }

    private Void drain(Pair p, IrspRest.Session session, int stored, ConcurrentHashMap<String, List<Integer>> seen,
            ConcurrentHashMap<String, long[]> span) throws InterruptedException {
        List<Integer> order = new ArrayList<>();
        seen.put(p.deviceId, order);
        var arrived = new LinkedBlockingQueue<JsonObject>();
        p.connectDevice(server, session, arrived::add);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long first = 0;
        while (order.size() < stored && System.nanoTime() < deadline) {
            JsonObject f = arrived.poll(1, TimeUnit.SECONDS);
            if (f != null && "OfflineMessageDelivery".equals(f.getString("type", null)) && p.device.firstDelivery(f)) {
                first = first == 0 ? System.nanoTime() : first;
                JsonObject body = f.getJsonObject("body").getJsonObject("message").getJsonObject("body");
                if ("event".equals(body.getString("op"))) { // not a guaranteed "read" whose Ack was still on its way
                    order.add(body.getInt("seq"));
                }
                p.device.ack(f.getString("msgId"));
            }
        }
        span.put(p.deviceId, new long[] {first, System.nanoTime()});
        return null;
    }

    private static boolean isIncreasing(List<Integer> l) {
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i) <= l.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
