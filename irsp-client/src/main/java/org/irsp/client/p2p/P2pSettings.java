package org.irsp.client.p2p;

import java.time.Duration;

/**
 * How the SDK connects: how long it probes before relaying ({@code irsp.nat.p2pTimeoutSeconds}, 5 s),
 * how long it waits for the peer's answer (the IRSP's answer timeout, 30 s, plus a margin), and whether
 * it tries a direct path at all (off: relay only, no UDP).
 */
public record P2pSettings(Duration p2pTimeout, Duration answerWait, boolean tryDirect) {

    public static P2pSettings defaults() {
        return new P2pSettings(Duration.ofSeconds(5), Duration.ofSeconds(40), true);
    }

    public P2pSettings withTryDirect(boolean on) {
        return new P2pSettings(p2pTimeout, answerWait, on);
    }
}
