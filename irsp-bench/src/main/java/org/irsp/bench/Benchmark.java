package org.irsp.bench;

import org.irsp.client.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.irsp.client.IrspRest;

/**
 * Load against a running IRSP over real WebSockets (see docs/BENCHMARKS.md):
 * {@code --server http://127.0.0.1:8080 --pairs 20 --seconds 20 --stored 100}. {@code --server} may list the nodes
 * of a cluster, comma-separated: pair i's user binds through node i and its device through node i+1 (modulo
 * their number), so that with two nodes or more every message crosses nodes. Phases ({@code --phases},
 * all by default): {@code rr} request/response (user → its device with needResponse; {@code --window} (1)
 * outstanding per pair, the next sent when one is answered), {@code instant}
 * one-way, {@code guaranteed} one-way to the bound devices (stored, forwarded with its delivery ID, acked),
 * {@code store} guaranteed store for offline devices and the drain at their next bind, with a check that
 * nothing was lost or reordered ({@code --prefill N}: timed once every queue holds N). {@code --burst N} adds one sender storing N items with {@code --in-flight}
 * (16) outstanding, then their drain. {@code paced} (not by default) is request/response at a fixed offered
 * rate, {@code --rate} (5000) per second over all pairs with at most {@code --window} outstanding per pair,
 * after {@code --warmup} (5) seconds of the same load that are not timed.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        List<URI> servers = List.of(option(args, "--server", "http://127.0.0.1:8080").split(",")).stream().map(URI::create).toList();
        URI server = servers.get(0);
        int pairs = Integer.parseInt(option(args, "--pairs", "20"));
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int stored = Integer.parseInt(option(args, "--stored", "100"));
        int prefill = Integer.parseInt(option(args, "--prefill", "0"));
        int burst = Integer.parseInt(option(args, "--burst", "0"));
        int inFlight = Integer.parseInt(option(args, "--in-flight", "16"));
        double rate = Double.parseDouble(option(args, "--rate", "5000"));
        int window = Integer.parseInt(option(args, "--window", "1"));
        int warmup = Integer.parseInt(option(args, "--warmup", "5"));
        List<String> phases = List.of(option(args, "--phases", "rr,instant,guaranteed,store").split(","));
        IrspRest rest = new IrspRest(server);
        String run = Long.toString(System.currentTimeMillis(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, pairs));
        try {
            List<Pair> all = setUp(rest, servers, run, pairs, pool);
            System.out.printf("IRSP benchmark: %d user-device pairs, %d s per timed phase, %d stored per device%n", pairs, seconds, stored);
            if (phases.contains("rr")) {
                requestResponse(all, seconds, window, pool);
            }
            if (phases.contains("paced")) {
                PacedRequests.run(all, seconds, warmup, rate, window, pool);
            }
            if (phases.contains("instant")) {
                oneWay(all, seconds, pool, false);
            }
            if (phases.contains("guaranteed")) {
                oneWay(all, seconds, pool, true);
            }
            OfflinePhases offline = new OfflinePhases(rest, server, pool);
            if (phases.contains("store")) {
                offline.storeAndDrain(all, prefill, stored);
            }
            if (burst > 0) {
                offline.oneSender(all.get(0), burst, inFlight);
            }
            all.forEach(p -> { p.user.close(); p.device.close(); });
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Pair> setUp(IrspRest rest, List<URI> servers, String run, int pairs, ExecutorService pool) throws Exception {
        long t0 = System.nanoTime();
        List<Future<Pair>> made = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int n = i;
            URI userServer = servers.get(n % servers.size());
            URI deviceServer = servers.get((n + 1) % servers.size());
            made.add(pool.submit(() -> Pair.create(rest, userServer, deviceServer, run, n)));
        }
        List<Pair> all = new ArrayList<>();
        for (Future<Pair> f : made) {
            all.add(f.get(10, TimeUnit.MINUTES));
        }
        System.out.printf("set-up (register, log in, bind, claim): %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return all;
    }

    /**
     * Devices answer every DataMessage; each user keeps {@code window} requests outstanding (a closed loop: the
     * next goes out when one is answered) and times each from its sending.
     */
    private static void requestResponse(List<Pair> all, int seconds, int window, ExecutorService pool) throws Exception {
        answerEveryRequest(all);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> loops = new ArrayList<>();
        for (Pair p : all) {
            loops.add(pool.submit(() -> {
                Semaphore outstanding = new Semaphore(window);
                while (System.nanoTime() < end) {
                    outstanding.acquire();
                    request(p, outstanding, System.nanoTime(), true, latencies, failures);
                }
                awaitAnswers(outstanding, window);
                return null;
            }));
        }
        for (Future<?> f : loops) {
            f.get();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("request/response (%d pairs, %d outstanding each): %d in %d s = %.0f/s; latency p50 %.2f ms, p99 %.2f ms,"
                        + " p99.9 %.2f ms; failed %d%n", all.size(), window, sorted.size(), seconds, sorted.size() / (double) seconds,
                ms(sorted, 0.50), ms(sorted, 0.99), ms(sorted, 0.999), failures.get());
    }

    /**
     * Sends one request/response to the pair's device; when it is answered, adds its latency counted from
     * {@code from} (if {@code timed}) or counts a failure, and gives the permit back to {@code outstanding}.
     */
    static void request(Pair p, Semaphore outstanding, long from, boolean timed, List<Long> latencies, AtomicLong failures) {
        p.user.call(message(p.deviceId, "control", true, false, 0)).whenComplete((answer, error) -> {
            if (error == null && answered(answer)) {
                if (timed) {
                    latencies.add(System.nanoTime() - from);
                }
            } else {
                failures.incrementAndGet();
            }
            outstanding.release();
        });
    }

    /** Waits until none of a pair's {@code window} requests is outstanding. */
    static void awaitAnswers(Semaphore outstanding, int window) throws InterruptedException {
        if (!outstanding.tryAcquire(window, 35, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still unanswered 35 s after the last was sent");
        }
    }

    /** A request's answer: the device's DataMessageResponse, 200. */
    static boolean answered(JsonObject answer) {
        return "DataMessageResponse".equals(answer.getString("type")) && answer.getInt("retCode") == 200;
    }

    /** Every device answers each DataMessage with a DataMessageResponse (200) to its source. */
    static void answerEveryRequest(List<Pair> all) {
        for (Pair p : all) {
            p.device.onFrame(f -> {
                if ("DataMessage".equals(f.getString("type", null))) {
                    p.device.sendRaw(Wire.JSON.createObjectBuilder().add("type", "DataMessageResponse").add("msgId", UUID.randomUUID().toString())
                            .add("respTo", f.getString("msgId")).add("retCode", 200)
                            .add("targets", Wire.JSON.createArrayBuilder().add(f.getJsonObject("source"))).build().toString());
                }
            });
        }
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

    static JsonObjectBuilder message(String deviceId, String op, boolean needResponse, boolean offline, int seq) {
        JsonObjectBuilder m = Wire.JSON.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Wire.JSON.createArrayBuilder().add(Wire.JSON.createObjectBuilder().add("type", "device").add("id", deviceId)))
                .add("needResponse", needResponse).add("body", Wire.JSON.createObjectBuilder().add("op", op).add("seq", seq));
        return offline ? m.add("delivery", "offline") : m;
    }

    static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private Benchmark() {}
}
