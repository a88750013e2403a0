package org.irsp.nat.entity;

import java.util.regex.Pattern;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** §12.1: a transport address at which an endpoint may be reachable: {@code host} or {@code srflx}, UDP or TCP. */
public record Candidate(String type, String ip, int port, String proto) {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    public static Candidate srflx(String ip, int port, String proto) {
        return new Candidate("srflx", ip, port, proto);
    }

    /** An address as the network stack writes it, without an IPv6 zone ({@code fe80::1%eth0} → {@code fe80::1}). */
    public static String withoutZone(String ip) {
        int zone = ip.indexOf('%');
        return zone < 0 ? ip : ip.substring(0, zone);
    }

    /** An IPv4 or IPv6 literal; never a host name (nothing is looked up). */
    public static boolean isIpLiteral(String ip) {
        if (IPV4.matcher(ip).matches()) {
            return true;
        }
        if (!ip.contains(":") || !IPV6_CHARS.matcher(ip).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(ip) != null; // a literal with a colon is parsed, never looked up
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
