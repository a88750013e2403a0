package org.irsp.bench;

import static org.irsp.bench.Benchmark.option;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import org.irsp.client.Wire;

/**
 * One process of the connection benchmark, started by {@link Connections}: it connects devices
 * {@code --from} … {@code --from + --count - 1} of run {@code --run} from source address {@code --source}
 * (registering them first with {@code --register}, then waiting for {@code connect} on standard input), each by §8.2 challenge-response, login and bind, and
 * keeps them bound with heartbeats. It prints {@code ready <bound> <failed>} once every device was tried,
 * answers {@code report} on standard input with {@code open <n> lost <n> codes <close codes>}, and closes
 * everything when standard input ends.
 */
public final class ConnectionWorker {

    static final String SECRET = "bench-connection-secret-01";

    private final IrspRest rest;
    private final URI server;
    private final String source;
    private final String run;
    private final DeviceKeys keys;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Queue<DeviceLink> links = new ConcurrentLinkedQueue<>();
    private final AtomicInteger lost = new AtomicInteger();
    private final Map<Integer, Integer> closeCodes = new ConcurrentHashMap<>();
    private final AtomicInteger failed = new AtomicInteger();

    private ConnectionWorker(URI server, String source, String run, DeviceKeys keys) {
        this.rest = new IrspRest(server);
        this.server = server;
        this.source = source;
        this.run = run;
        this.keys = keys;
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(option(args, "--server", "http://127.0.0.1:8080"));
        String run = option(args, "--run", "conn");
        int from = Integer.parseInt(option(args, "--from", "0"));
        int count = Integer.parseInt(option(args, "--count", "1000"));
        int parallel = Integer.parseInt(option(args, "--parallel", "32"));
        boolean register = Arrays.asList(args).contains("--register");
        DeviceKeys keys = DeviceKeys.in(Path.of(option(args, "--keys", "target/bench-keys")), run, run + "-" + from + ".tsv");
        ConnectionWorker w = new ConnectionWorker(server, option(args, "--source", "127.0.0.1"), run, keys);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (register) {
            w.inParallel(from, count, parallel, w::register);
            System.out.println("registered " + (count - w.failed.get()));
        }
        if (!"connect".equals(in.readLine())) {
            System.exit(0);
        }
        w.inParallel(from, count, parallel, w::connect);
        keys.save();
        System.out.println("ready " + w.links.size() + " " + w.failed.get());
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("report")) {
                long open = w.links.stream().filter(DeviceLink::open).count();
                System.out.println("open " + open + " lost " + w.lost.get() + " codes " + w.closeCodes);
            }
        }
        w.links.forEach(DeviceLink::close);
        w.loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** Device {@code i} of a run: the same ID in every process and every run of the same name. */
    static String deviceId(String run, int i) {
        return "urn:IGRS:Device:DeviceId:" + UUID.nameUUIDFromBytes((run + ":" + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs {@code step} for devices {@code from} … {@code from + count - 1} on {@code parallel} threads. */
    private void inParallel(int from, int count, int parallel, Consumer<String> step) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        for (int t = 0; t < parallel; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < from + count; i = next.getAndIncrement()) {
                    String deviceId = deviceId(run, i);
                    try {
                        step.accept(deviceId);
                    } catch (RuntimeException e) {
                        if (failed.incrementAndGet() <= 5) {
                            System.out.println("failed " + deviceId + ": " + e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private void connect(String deviceId) {
        try {
            RestReply challenge = rest.post("sessions/challenge", Wire.JSON.createObjectBuilder()
                    .add("type", "device").add("id", deviceId).build());
            JsonObject c = expect(challenge, "challenge");
            String proof = keys.proof(deviceId, SECRET, c.getString("salt"), c.getInt("iterations"), c.getString("nonce"));
            JsonObject login = expect(rest.post("sessions", Wire.JSON.createObjectBuilder().add("type", "device")
                    .add("id", deviceId).add("nonce", c.getString("nonce")).add("proof", proof).build()), "login");
            links.add(DeviceLink.bind(loop, server, source, login.getString("token"), login.getString("connId"), code -> {
                lost.incrementAndGet();
                closeCodes.merge(code, 1, Integer::sum);
            }));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void register(String deviceId) {
        RestReply r = rest.post("devices", Wire.JSON.createObjectBuilder().add("deviceId", deviceId)
                .add("deviceType", "urn:IGRS:DeviceType:Bench:1").add("manufacturer", "IRSP").add("model", "bench")
                .add("secret", SECRET).build());
        if (r.retCode() != 200 && r.retCode() != 409) { // 409: registered by an earlier run of the same name
            throw new IllegalStateException("registration answered " + r.body());
        }
    }

    private static JsonObject expect(RestReply r, String what) {
        if (r.retCode() != 200) {
            throw new IllegalStateException(what + " answered " + r.body());
        }
        return r.body();
    }
}
