package org.irsp.protocol;

import java.util.List;
import org.irsp.nat.entity.Candidate;

/**
 * The WebSocket's remote address as a TCP server-reflexive candidate (§12.3): the TCP source seen by the
 * container, or, only with {@code irsp.nat.trustForwardedFor}, the last {@code X-Forwarded-For} entry
 * (the one the trusted proxy added), which yields a candidate only if the proxy wrote a port with it.
 */
final class ObservedAddress {

    static Candidate of(String observed, List<String> forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isEmpty()) {
            String[] hops = String.join(",", forwardedFor).split(",");
            return forwarded(hops[hops.length - 1].trim());
        }
        if (observed == null) {
            return null;
        }
        String[] ipAndPort = observed.split(" ");
        return candidate(ipAndPort[0], ipAndPort.length > 1 ? ipAndPort[1] : null);
    }

    /** {@code ip:port}, {@code [v6]:port}; a bare address has no port and so gives no candidate. */
    private static Candidate forwarded(String hop) {
        if (hop.startsWith("[") && hop.contains("]:")) {
            return candidate(hop.substring(1, hop.indexOf(']')), hop.substring(hop.indexOf("]:") + 2));
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? candidate(hop.substring(0, colon), hop.substring(colon + 1)) : null;
    }

    private static Candidate candidate(String ip, String port) {
        String literal = Candidate.withoutZone(ip);
        if (port == null || !port.matches("\\d{1,5}") || !Candidate.isIpLiteral(literal)) {
            return null;
        }
        int p = Integer.parseInt(port);
        return p >= 1 && p <= 65535 ? Candidate.srflx(literal, p, "tcp") : null;
    }

    private ObservedAddress() {}
}
