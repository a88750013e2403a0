package org.irsp.client.bench;

import org.irsp.client.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.irsp.client.IrspRest;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Load against a running IRSP over real WebSockets (see docs/BENCHMARKS.md):
 * {@code --server http://127.0.0.1:8080 --pairs 20 --seconds 20 --stored 100}. Phases: request/response
 * (user → its device with needResponse), one-way instant, one-way guaranteed to the bound devices (stored,
 * forwarded with its delivery ID, acked), guaranteed store for offline devices, drain
 * at their next bind with a check that nothing was lost or reordered.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        URI server = URI.create(option(args, "--server", "http://127.0.0.1:8080"));
        int pairs = Integer.parseInt(option(args, "--pairs", "20"));
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int stored = Integer.parseInt(option(args, "--stored", "100"));
        IrspRest rest = new IrspRest(server);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, pairs));
        try {
            List<Pair> all = setUp(rest, server, run, pairs, pool);
            System.out.printf("IRSP benchmark: %d user-device pairs, %d s per timed phase, %d stored per device%n", pairs, seconds, stored);
            requestResponse(all, seconds, pool);
            oneWay(all, seconds, pool, false);
            oneWay(all, seconds, pool, true);
            storeAndDrain(all, stored, rest, server, pool);
            all.forEach(p -> { p.user.close(); p.device.close(); });
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Pair> setUp(IrspRest rest, URI server, String run, int pairs, ExecutorService pool) throws Exception {
        long t0 = System.nanoTime();
        List<Future<Pair>> made = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int n = i;
            made.add(pool.submit(() -> Pair.create(rest, server, run, n)));
        }
        List<Pair> all = new ArrayList<>();
        for (Future<Pair> f : made) {
            all.add(f.get(10, TimeUnit.MINUTES));
        }
        System.out.printf("set-up (register, log in, bind, claim): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return all;
    }

    /** Devices answer every DataMessage; each user keeps one request outstanding and times it. */
    private static void requestResponse(List<Pair> all, int seconds, ExecutorService pool) throws Exception {
        for (Pair p : all) {
            p.device.onFrame(f -> {
                if ("DataMessage".equals(f.getString("type", null))) {
                    p.device.sendRaw(Wire.JSON.createObjectBuilder().add("type", "DataMessageResponse").add("msgId", UUID.randomUUID().toString())
                            .add("respTo", f.getString("msgId")).add("retCode", 200)
                            .add("targets", Wire.JSON.createArrayBuilder().add(f.getJsonObject("source"))).build().toString());
                }
            });
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> loops = new ArrayList<>();
        for (Pair p : all) {
            loops.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    JsonObject answer = p.user.call(message(p.deviceId, "control", true, false, 0)).get(35, TimeUnit.SECONDS);
                    if ("DataMessageResponse".equals(answer.getString("type")) && answer.getInt("retCode") == 200) {
                        latencies.add(System.nanoTime() - t);
                    } else {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : loops) {
            f.get();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("request/response: %d in %d s = %.0f/s; latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms; failed %d%n",
                sorted.size(), seconds, sorted.size() / (double) seconds, ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999),
                failures.get());
    }

    /**
     * Users send one-way messages, each waiting for its Ack; devices count what arrives. {@code guaranteed}:
     * delivery offline to the bound devices, each stored, forwarded with its delivery ID and acked by the device.
     */
    private static void oneWay(List<Pair> all, int seconds, ExecutorService pool, boolean guaranteed) throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        for (Pair p : all) {
            p.device.onFrame(f -> {
                if ("DataMessage".equals(f.getString("type", null))) {
                    received.incrementAndGet();
                    if (f.containsKey("deliveryId")) {
                        p.device.ack(f.getString("deliveryId"));
                    }
                }
            });
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> loops = new ArrayList<>();
        for (Pair p : all) {
            loops.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    JsonObject ack = p.user.call(message(p.deviceId, "read", false, guaranteed, 0)).get(35, TimeUnit.SECONDS);
                    if (ack.getInt("retCode") != 200) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : loops) {
            f.get();
        }
        Thread.sleep(1000);
        System.out.printf("one-way %s: %d delivered in %d s = %.0f/s; refused %d%n",
                guaranteed ? "guaranteed to the bound target (stored, forwarded, acked)" : "instant", received.get(), seconds,
                received.get() / (double) seconds, refused.get());
    }

    /** Devices go offline; users store numbered messages; devices come back and drain them, acking each. */
    private static void storeAndDrain(List<Pair> all, int stored, IrspRest rest, URI server, ExecutorService pool) throws Exception {
        all.forEach(p -> p.device.close());
        Thread.sleep(500);
        long t0 = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        AtomicLong accepted = new AtomicLong();
        for (Pair p : all) {
            senders.add(pool.submit(() -> {
                for (int seq = 0; seq < stored; seq++) {
                    JsonObject ack = p.user.call(message(p.deviceId, "event", false, true, seq)).get(35, TimeUnit.SECONDS);
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
        double storeSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("guaranteed store (recipients offline): %d stored in %.1f s = %.0f/s%n", accepted.get(), storeSeconds,
                accepted.get() / storeSeconds);

        ConcurrentHashMap<String, List<Integer>> seen = new ConcurrentHashMap<>();
        long t1 = System.nanoTime();
        List<Future<?>> drains = new ArrayList<>();
        for (Pair p : all) {
            drains.add(pool.submit(() -> drain(p, stored, rest, server, seen)));
        }
        for (Future<?> f : drains) {
            f.get(10, TimeUnit.MINUTES);
        }
        double drainSeconds = (System.nanoTime() - t1) / 1e9;
        long delivered = seen.values().stream().mapToLong(List::size).sum();
        long lost = (long) all.size() * stored - delivered;
        long outOfOrder = seen.values().stream().filter(l -> !isIncreasing(l)).count();
        System.out.printf("drain at bind: %d delivered and acked in %.1f s = %.0f/s; lost %d, out of order %d%n", delivered,
                drainSeconds, delivered / drainSeconds, lost, outOfOrder);
        if (lost != 0 || outOfOrder != 0) {
            all.stream().filter(p -> seen.get(p.deviceId).size() != stored).forEach(p -> System.out.printf(
                    "  %s: bind announced %d items, %d of the %d stored arrived%n", p.deviceId, p.announced, seen.get(p.deviceId).size(), stored));
            throw new IllegalStateException("messages lost or out of order");
        }
    }

    private static Void drain(Pair p, int stored, IrspRest rest, URI server, ConcurrentHashMap<String, List<Integer>> seen)
            throws InterruptedException {
        List<Integer> order = new ArrayList<>();
        seen.put(p.deviceId, order);
        var arrived = new LinkedBlockingQueue<JsonObject>();
        p.connectDevice(rest, server, arrived::add);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (order.size() < stored && System.nanoTime() < deadline) {
            JsonObject f = arrived.poll(1, TimeUnit.SECONDS);
            if (f != null && "OfflineMessageDelivery".equals(f.getString("type", null)) && p.device.firstDelivery(f)) {
                JsonObject body = f.getJsonObject("body").getJsonObject("message").getJsonObject("body");
                if ("event".equals(body.getString("op"))) { // not a guaranteed "read" whose Ack was still on its way
                    order.add(body.getInt("seq"));
                }
                p.device.ack(f.getString("msgId"));
            }
        }
        return null;
    }

    private static JsonObjectBuilder message(String deviceId, String op, boolean needResponse, boolean offline, int seq) {
        JsonObjectBuilder m = Wire.JSON.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Wire.JSON.createArrayBuilder().add(Wire.JSON.createObjectBuilder().add("type", "device").add("id", deviceId)))
                .add("needResponse", needResponse).add("body", Wire.JSON.createObjectBuilder().add("op", op).add("seq", seq));
        return offline ? m.add("delivery", "offline") : m;
    }

    private static boolean isIncreasing(List<Integer> l) {
        for (int i = 1; i < l.size(); i++) {
            if (l.get(i) <= l.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private Benchmark() {}
}
