package org.irsp.bench;

import static org.irsp.bench.Benchmark.option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connection benchmark (see docs/BENCHMARKS.md): {@code --connections N} devices log in by §8.2
 * challenge-response and bind, spread over processes of {@code --per-process} (4,000) each, every process
 * leaving from its own source address 127.0.0.2, 127.0.0.3, …, and stay bound with heartbeats for
 * {@code --hold} seconds. With {@code --server-pid} it reports the server's CPU per login-and-bind, and its
 * live heap and resident memory per bound connection after a full collection. The first run of a
 * {@code --run} name registers its devices; {@code --storm} reuses them (a reconnect storm after a
 * restart) and times all of them connecting at once.
 */
public final class Connections {

    private final List<Process> workers = new ArrayList<>();
    private final CountDownLatch registered;
    private final CountDownLatch ready;
    private final AtomicLong bound = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile CountDownLatch reports;
    private final AtomicLong open = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();

    private Connections(int processes, boolean register) {
        this.ready = new CountDownLatch(processes);
        this.registered = new CountDownLatch(register ? processes : 0);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(option(args, "--connections", "1000"));
        int perProcess = Integer.parseInt(option(args, "--per-process", "4000"));
        int hold = Integer.parseInt(option(args, "--hold", "60"));
        boolean storm = Arrays.asList(args).contains("--storm");
        String pidOption = option(args, "--server-pid", null);
        ServerProcess server = pidOption == null ? null : new ServerProcess(Long.parseLong(pidOption));
        int processes = (n + perProcess - 1) / perProcess;
        Connections c = new Connections(processes, !storm);

        for (int k = 0; k < processes; k++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx768m", "-cp", System.getProperty("java.class.path"), ConnectionWorker.class.getName(),
                    "--server", option(args, "--server", "http://127.0.0.1:8080"), "--run", option(args, "--run", "conn"),
                    "--from", Integer.toString(k * perProcess), "--count", Integer.toString(Math.min(perProcess, n - k * perProcess)),
                    "--source", "127.0.0." + (2 + k), "--keys", option(args, "--keys", "target/bench-keys"),
                    "--parallel", option(args, "--parallel", "32")));
            if (!storm) {
                cmd.add("--register");
            }
            c.start(cmd, k);
        }
        if (!c.registered.await(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the workers did not finish registering within an hour");
        }
        Map<String, Long> heapBefore = server == null ? null : server.liveHeap();
        long rssBefore = server == null ? 0 : server.rssBytes();
        long cpuBefore = server == null ? 0 : server.cpuMillis();
        long workersBefore = c.workersCpuMillis();
        System.out.printf("connecting %d devices from %d processes%n", n, processes);
        long start = System.nanoTime();
        c.workers.forEach(p -> tell(p, "connect"));
        if (!c.ready.await(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("the workers did not finish connecting within an hour");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d bound, %d failed, in %.1f s (%.0f per second)%n", storm ? "storm" : "connect",
                c.bound.get(), c.failed.get(), seconds, c.bound.get() / seconds);
        if (server != null) {
            System.out.printf("server CPU %.2f ms per device (%s, %s)%n", (server.cpuMillis() - cpuBefore) / (double) Math.max(1, c.bound.get()),
                    "challenge, login and bind", "the devices' processes on the same machine");
        }
        System.out.printf("the devices' processes' CPU %.2f ms per device%n", (c.workersCpuMillis() - workersBefore) / (double) Math.max(1, c.bound.get()));
        if (server != null) {
            c.reportMemory(server, heapBefore, rssBefore);
        }
        long cpuHold = server == null ? 0 : server.cpuMillis();
        Thread.sleep(hold * 1000L); // the bound connections sit for the time asked; nothing is awaited here
        c.report();
        System.out.printf("after %d s: %d open, %d lost%s%n", hold, c.open.get(), c.lost.get(), server == null ? ""
                : String.format(", server CPU %.1f %% of one core while they sat", (server.cpuMillis() - cpuHold) / (hold * 10.0)));
        c.stop();
    }

    private void reportMemory(ServerProcess server, Map<String, Long> before, long rssBefore) {
        Map<String, Long> after = server.liveHeap();
        long rss = server.rssBytes();
        long n = Math.max(1, bound.get());
        System.out.printf("live heap %.1f MB → %.1f MB after a full GC: %.1f KB per bound connection%n", before.get("") / 1e6,
                after.get("") / 1e6, (after.get("") - before.get("")) / 1e3 / n);
        System.out.printf("RSS %.0f MB → %.0f MB: %.1f KB per bound connection%n", rssBefore / 1e6, rss / 1e6, (rss - rssBefore) / 1e3 / n);
        System.out.println("largest growth per bound connection (bytes, class):");
        after.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(25)
                .forEach(e -> System.out.printf("  %8.0f  %s%n", e.getValue() / (double) n, e.getKey()));
    }

    /** The worker processes' CPU so far: what the devices' side costs on a machine it shares with the server. */
    private long workersCpuMillis() {
        return workers.stream().mapToLong(p -> new ServerProcess(p.pid()).cpuMillis()).sum();
    }

    private void start(List<String> cmd, int k) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        workers.add(p);
        Thread reader = new Thread(() -> read(p, k), "worker-" + k);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Process p, int k) {
        boolean counted = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] f = line.split(" ");
                if (f[0].equals("registered")) {
                    System.out.println("worker " + k + ": " + line);
                    registered.countDown();
                } else if (f[0].equals("ready")) {
                    bound.addAndGet(Long.parseLong(f[1]));
                    failed.addAndGet(Long.parseLong(f[2]));
                    counted = true;
                    ready.countDown();
                } else if (f[0].equals("open")) {
                    open.addAndGet(Long.parseLong(f[1]));
                    lost.addAndGet(Long.parseLong(f[3]));
                    System.out.println("worker " + k + ": " + line);
                    reports.countDown();
                } else {
                    System.out.println("worker " + k + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!counted) {
                registered.countDown();
                ready.countDown(); // a worker that died counts as finished; its devices are not in "bound"
            }
        }
    }

    private void report() throws InterruptedException {
        reports = new CountDownLatch(workers.size());
        workers.forEach(p -> tell(p, "report"));
        reports.await(5, TimeUnit.MINUTES);
    }

    /** Ends standard input: each worker closes its sockets and exits. */
    private void stop() throws InterruptedException, IOException {
        for (Process p : workers) {
            p.getOutputStream().close();
        }
        for (Process p : workers) {
            if (!p.waitFor(1, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
        }
    }

    private static void tell(Process p, String line) {
        PrintWriter w = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
        w.println(line);
    }
}
