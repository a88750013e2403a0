package org.irsp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Request/response at a fixed offered rate ({@code --phases paced --rate R --window W}): every pair sends
 * on its own schedule (R / pairs per second, the pairs staggered), with at most W requests outstanding.
 * A request's latency counts from the moment it was due, not from when it went out, so a server that
 * falls behind the offered rate shows it in the percentiles instead of slowing the sender down. The
 * first {@code --warmup} seconds (5) are sent but not timed.
 */
final class PacedRequests {

    static void run(List<Pair> all, int seconds, int warmup, double rate, int window, ExecutorService pool) throws Exception {
        Benchmark.answerEveryRequest(all);
        long interval = (long) (1e9 * all.size() / rate);
        long count = TimeUnit.SECONDS.toNanos(warmup + seconds) / interval;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long timed = start + TimeUnit.SECONDS.toNanos(warmup);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        List<Future<?>> loops = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Pair p = all.get(k);
            long first = start + k * interval / all.size();
            loops.add(pool.submit(() -> {
                Semaphore outstanding = new Semaphore(window);
                for (long i = 0; i < count; i++) {
                    long due = first + i * interval;
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait); // pacing the offered load, not waiting for an outcome
                    }
                    outstanding.acquire();
                    Benchmark.request(p, outstanding, due, due >= timed, latencies, failures);
                }
                Benchmark.awaitAnswers(outstanding, window);
                return null;
            }));
        }
        for (Future<?> f : loops) {
            f.get();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("paced request/response: %.0f/s offered over %d pairs (at most %d outstanding each); %d answered = %.0f/s;"
                        + " latency from the due time p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms; failed %d%n",
                rate, all.size(), window, sorted.size(), sorted.size() / (double) seconds, Benchmark.ms(sorted, 0.50),
                Benchmark.ms(sorted, 0.99), Benchmark.ms(sorted, 0.999), failures.get());
    }

    private PacedRequests() {}
}
