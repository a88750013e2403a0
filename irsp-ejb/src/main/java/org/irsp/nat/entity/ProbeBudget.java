package org.irsp.nat.entity;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-key datagram budgets in one-second windows (§12.2: at most N AddrProbes per second per connId;
 * the IRSP adds a budget per source address so it cannot be turned into a reflector). Used from the one
 * thread that reads the probe socket.
 */
public class ProbeBudget {

    private static final int SWEEP_ABOVE = 10_000;

    private final int perSecond;
    private final Map<String, long[]> windows = new HashMap<>();

    public ProbeBudget(int perSecond) {
        this.perSecond = perSecond;
    }

    /** Spends one datagram of {@code key}'s budget for the second {@code nowSecond}; false when it is spent. */
    public boolean spend(String key, long nowSecond) {
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> w[0] < nowSecond);
        }
        long[] window = windows.computeIfAbsent(key, k -> new long[] {nowSecond, 0});
        if (window[0] != nowSecond) {
            window[0] = nowSecond;
            window[1] = 0;
        }
        return ++window[1] <= perSecond;
    }
}
