package org.irsp.admin;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.protocol.ConnectionRegistry;
import org.irsp.telemetry.control.MeterTotals;
import org.irsp.telemetry.control.Meters;

/**
 * The numbers behind the console's charts: every {@code irsp.console.sampleSeconds} (10) this node's
 * connections, its frames queued for slow clients, the items in the offline queues and the dead letters
 * (embedded broker), and the rates and latency quantiles since the sample before, drawn from
 * IRSP's own metrics; kept for {@code irsp.console.historyMinutes} (60). In memory, per node: a restart
 * starts the history again, and Prometheus (docs/monitoring) keeps the long view.
 */
@ApplicationScoped
public class Dashboard {

    @Inject Meters meters;
    @Inject ConnectionRegistry connections;
    @Resource ManagedScheduledExecutorService scheduler;
    @Inject @ConfigProperty(name = "irsp.console.sampleSeconds", defaultValue = "10") int sampleSeconds;
    @Inject @ConfigProperty(name = "irsp.console.historyMinutes", defaultValue = "60") int historyMinutes;

    /** The embedded broker's queue gauges; an external broker's depths are the broker's own metrics (docs/OPERATIONS.md). */
    static final String OFFLINE_ITEMS = "irsp.offline.items";
    static final String DEAD_ITEMS = "irsp.dead.items";

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private MeterTotals last;
    private long lastNanos;
    private ScheduledFuture<?> sampling;

    /** One point of the charts: the gauges at {@code at}, the rates (per second) and latencies (seconds) of the interval before. */
    public record Sample(Instant at, int connectionsBound, int connectionsOpen, long queuedFrames, Long offlineItems, Long deadItems,
            double logins,
            double loginFailures, double forwarded, double stored, double refused, double expired, double framesIn,
            double framesOut, Double latencyP50, Double latencyP95, Double latencyP99) {}

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // sampling starts with the application, not with the first look at the console
    }

    @PostConstruct
    void start() {
        last = meters.totals();
        lastNanos = System.nanoTime();
        int every = Math.max(1, sampleSeconds);
        sampling = scheduler.scheduleAtFixedRate(this::sample, every, every, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sampling.cancel(false);
    }

    synchronized void sample() {
        MeterTotals now = meters.totals();
        long nanos = System.nanoTime();
        double seconds = Math.max(1e-3, (nanos - lastNanos) / 1e9);
        samples.addLast(new Sample(Instant.now(), connections.boundCount(), connections.openCount(), connections.queuedFrames(),
                meters.gauge(OFFLINE_ITEMS).orElse(null), meters.gauge(DEAD_ITEMS).orElse(null),
                rate(now.logins() - last.logins(), seconds), rate(now.loginFailures() - last.loginFailures(), seconds),
                rate(now.forwarded() - last.forwarded(), seconds), rate(now.stored() - last.stored(), seconds),
                rate(now.refused() - last.refused(), seconds), rate(now.expired() - last.expired(), seconds),
                rate(now.framesIn() - last.framesIn(), seconds), rate(now.framesOut() - last.framesOut(), seconds),
                now.latencyQuantile(last, 0.5).orElse(null), now.latencyQuantile(last, 0.95).orElse(null),
                now.latencyQuantile(last, 0.99).orElse(null)));
        while (samples.size() > historyMinutes * 60 / Math.max(1, sampleSeconds)) {
            samples.removeFirst();
        }
        last = now;
        lastNanos = nanos;
    }

    public synchronized List<Sample> history() {
        return List.copyOf(samples);
    }

    public int sampleSeconds() {
        return Math.max(1, sampleSeconds);
    }

    private static double rate(long delta, double seconds) {
        return Math.round(delta / seconds * 100) / 100.0;
    }
}
