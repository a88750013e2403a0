package org.irsp.protocol;

/** §6.9: {@code rate} tokens per second up to {@code burst}; every text frame takes one. */
public class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(int ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    public synchronized boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
