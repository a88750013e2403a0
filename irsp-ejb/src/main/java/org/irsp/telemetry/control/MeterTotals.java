package org.irsp.telemetry.control;

import java.util.Optional;

/**
 * A node's counters at one moment: logins, message outcomes (forwarded 200, stored 202, refused or failed),
 * expiries, frames, and the response-latency histogram's bucket counts. Two of them a while apart give
 * the rates and latency quantiles of that while.
 */
public record MeterTotals(long logins, long loginFailures, long forwarded, long stored, long refused, long expired,
        long framesIn, long framesOut, long[] latencyCounts) {

    /**
     * The {@code q} quantile of the responses between {@code earlier} and this, as the upper bound of the
     * bucket it falls in (seconds); empty if none came, or if it lies above the largest bound.
     */
    public Optional<Double> latencyQuantile(MeterTotals earlier, double q) {
        long[] delta = new long[latencyCounts.length];
        long all = 0;
        for (int i = 0; i < delta.length; i++) {
            delta[i] = latencyCounts[i] - earlier.latencyCounts[i];
            all += delta[i];
        }
        if (all == 0) {
            return Optional.empty();
        }
        long rank = (long) Math.ceil(q * all);
        long seen = 0;
        for (int i = 0; i < LatencyHistogram.BOUNDS.length; i++) {
            seen += delta[i];
            if (seen >= rank) {
                return Optional.of(LatencyHistogram.BOUNDS[i]);
            }
        }
        return Optional.empty();
    }
}
