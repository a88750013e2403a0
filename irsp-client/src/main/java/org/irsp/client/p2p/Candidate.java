package org.irsp.client.p2p;

import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import org.irsp.client.Wire;

/** A PROTOCOL §12.1 candidate: {@code host} or {@code srflx}, {@code udp} or {@code tcp}. */
public record Candidate(String type, String ip, int port, String proto) {

    public static Candidate of(JsonObject json) {
        return new Candidate(json.getString("type", ""), json.getString("ip", ""), json.getInt("port", 0), json.getString("proto", ""));
    }

    public boolean udp() {
        return "udp".equals(proto);
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(ip, port);
    }

    public JsonObject json() {
        return Wire.JSON.createObjectBuilder().add("type", type).add("ip", ip).add("port", port).add("proto", proto).build();
    }
}
