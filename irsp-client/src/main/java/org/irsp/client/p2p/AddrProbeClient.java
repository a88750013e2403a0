package org.irsp.client.p2p;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.irsp.client.Wire;

/**
 * Asks the IRSP's AddrProbe service (§12.2) where a UDP socket's datagrams come from, as seen from
 * outside its NAT. The answer counts only if it carries the probe's nonce and a MAC made with the
 * session's token. Must run before anything else reads the socket.
 */
public final class AddrProbeClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The server-reflexive UDP candidate of {@code socket}, or empty if no valid answer came in time. */
    public static Optional<Candidate> probe(DatagramSocket socket, InetSocketAddress server, String connId, String token,
            Duration timeout) {
        byte[] raw = new byte[16];
        RANDOM.nextBytes(raw);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] probe = Wire.JSON.createObjectBuilder().add("type", "AddrProbe").add("connId", connId).add("nonce", nonce)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[2048];
        try {
            int previousTimeout = socket.getSoTimeout();
            try {
                while (System.nanoTime() < deadline) {
                    socket.send(new DatagramPacket(probe, probe.length, server));
                    long retryAt = Math.min(deadline, System.nanoTime() + 300_000_000L);
                    while (System.nanoTime() < retryAt) {
                        socket.setSoTimeout((int) Math.max(1, (retryAt - System.nanoTime()) / 1_000_000));
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        try {
                            socket.receive(packet);
                        } catch (SocketTimeoutException e) {
                            break;
                        }
                        Optional<Candidate> answer = answer(packet, nonce, token);
                        if (answer.isPresent()) {
                            return answer;
                        }
                    }
                }
            } finally {
                socket.setSoTimeout(previousTimeout);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Candidate> answer(DatagramPacket packet, String nonce, String token) {
        try {
            JsonObject r = Wire.JSON.createReader(new StringReader(
                    new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))).readObject();
            String ip = r.getString("ip");
            int port = r.getInt("port");
            boolean valid = "AddrProbeResponse".equals(r.getString("type")) && nonce.equals(r.getString("nonce"))
                    && Macs.same(Macs.addrProbe(token, nonce, ip, port), r.getString("mac"));
            return valid ? Optional.of(new Candidate("srflx", ip, port, "udp")) : Optional.empty();
        } catch (RuntimeException notAnAnswer) {
            return Optional.empty();
        }
    }

    private AddrProbeClient() {}
}
