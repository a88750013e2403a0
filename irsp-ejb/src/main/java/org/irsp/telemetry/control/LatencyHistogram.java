package org.irsp.telemetry.control;

import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * A Prometheus histogram of durations in seconds: {@code NAME_bucket{le}} (cumulative), {@code NAME_sum} and
 * {@code NAME_count}, each only ever growing, so that {@code histogram_quantile(0.99, sum by (le)
 * (rate(NAME_bucket[5m])))} gives a quantile over any window and any number of nodes. Written as gauges
 * read from these counts: Payara 6's timer writes its quantiles in nanoseconds under a {@code _seconds} name
 * and its buckets from a decaying sample, not as counts (fixed in Payara 7).
 */
final class LatencyHistogram {

    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    private final LongAdder[] counts = new LongAdder[BOUNDS.length + 1]; // the last: above every bound
    private final LongAdder sumNanos = new LongAdder();

    LatencyHistogram(MetricRegistry registry, String name, String help) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
        Metadata bucket = Metadata.builder().withName(name + "_bucket").withDescription(help + " (cumulative, by upper bound)")
                .withUnit(MetricUnits.NONE).build();
        for (int i = 0; i <= BOUNDS.length; i++) {
            int upTo = i;
            String le = i == BOUNDS.length ? "+Inf" : String.valueOf(BOUNDS[i]);
            registry.gauge(bucket, () -> cumulative(upTo), new Tag("le", le));
        }
        registry.gauge(Metadata.builder().withName(name + "_count").withDescription(help + " (how many)").withUnit(MetricUnits.NONE).build(),
                () -> cumulative(BOUNDS.length));
        registry.gauge(Metadata.builder().withName(name + "_sum").withDescription(help + " (their sum in seconds)").withUnit(MetricUnits.NONE).build(),
                () -> sumNanos.sum() / 1e9);
    }

    void record(long nanos) {
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        counts[i].increment();
        sumNanos.add(nanos);
    }

    /** The count of each bucket (not cumulative), the last above every bound. */
    long[] counts() {
        long[] c = new long[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].sum();
        }
        return c;
    }

    private long cumulative(int upTo) {
        long total = 0;
        for (int i = 0; i <= upTo; i++) {
            total += counts[i].sum();
        }
        return total;
    }
}
