package org.irsp.client.p2p;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Host candidates (§12.1): this machine's up, non-loopback addresses (IPv4 first, no link-local), on one UDP port. */
public final class HostCandidates {

    public static List<Candidate> gather(int port, int max) {
        List<Candidate> v4 = new ArrayList<>();
        List<Candidate> v6 = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) {
                        continue;
                    }
                    String ip = a.getHostAddress();
                    int zone = ip.indexOf('%');
                    Candidate c = new Candidate("host", zone < 0 ? ip : ip.substring(0, zone), port, "udp");
                    (a instanceof Inet4Address ? v4 : v6).add(c);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return List.copyOf(v4.subList(0, Math.min(max, v4.size())));
    }

    private HostCandidates() {}
}
