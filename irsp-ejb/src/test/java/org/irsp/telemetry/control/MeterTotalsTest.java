package org.irsp.telemetry.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeterTotalsTest {

    private static MeterTotals withLatencies(long... counts) {
        long[] all = new long[LatencyHistogram.BOUNDS.length + 1];
        System.arraycopy(counts, 0, all, 0, counts.length);
        return new MeterTotals(0, 0, 0, 0, 0, 0, 0, 0, all);
    }

    @Test
    void aQuantileIsTheUpperBoundOfTheBucketItFallsInCountingOnlyTheResponsesSinceTheEarlierTotals() {
        MeterTotals earlier = withLatencies(100, 0, 0);
        // since then: 90 under 5 ms, 9 under 10 ms, 1 under 25 ms (the 100 before do not count)
        MeterTotals now = withLatencies(190, 9, 1);
        assertEquals(Optional.of(0.005), now.latencyQuantile(earlier, 0.5));
        assertEquals(Optional.of(0.01), now.latencyQuantile(earlier, 0.95));
        assertEquals(Optional.of(0.025), now.latencyQuantile(earlier, 1.0));
    }

    @Test
    void noResponsesGiveNoQuantileAndOnesAboveEveryBoundGiveNone() {
        MeterTotals earlier = withLatencies(5);
        assertEquals(Optional.empty(), withLatencies(5).latencyQuantile(earlier, 0.5));
        long[] slow = new long[LatencyHistogram.BOUNDS.length + 1];
        slow[0] = 5;
        slow[LatencyHistogram.BOUNDS.length] = 3;
        assertEquals(Optional.empty(), new MeterTotals(0, 0, 0, 0, 0, 0, 0, 0, slow).latencyQuantile(earlier, 0.99));
    }
}
