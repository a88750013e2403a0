package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §12.2 the UDP AddrProbe service: authenticated answers, silence for everything else, a rate limit per connId. */
@ExtendWith(IrspServer.class)
class AddrProbeIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static byte[] probe(String connId, String nonce) {
        return Json.createObjectBuilder().add("type", "AddrProbe").add("connId", connId).add("nonce", nonce).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    static void send(DatagramSocket socket, byte[] datagram) throws Exception {
        socket.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), IrspServer.probePort())));
    }

    /** The next answer, or null after {@code millis}. */
    static JsonObject receive(DatagramSocket socket, int millis) throws Exception {
        socket.setSoTimeout(millis);
        byte[] buffer = new byte[2048];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException silence) {
            return null;
        }
        return Json.createReader(new StringReader(new String(buffer, 0, p.getLength(), StandardCharsets.UTF_8))).readObject();
    }

    static String hmac(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aProbeOfABoundConnectionLearnsItsAddressUnderAMacKeyedWithTheSessionToken() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String nonce = nonce();
            send(udp, probe(alice.session.connId(), nonce));
            JsonObject answer = receive(udp, 5000);
            assertEquals("AddrProbeResponse", answer.getString("type"));
            assertEquals(nonce, answer.getString("nonce"));
            assertEquals("127.0.0.1", answer.getString("ip"));
            assertEquals(udp.getLocalPort(), answer.getInt("port"));
            assertEquals(hmac(alice.session.token(), nonce + "|127.0.0.1|" + udp.getLocalPort()), answer.getString("mac"));
        }
    }

    @Test
    void theLastObservationBecomesTheUdpSrflxCandidateOfP2PSignalling() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = P2PSignallingIT.friendOf(alice);
             DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            send(udp, probe(alice.session.connId(), nonce()));
            assertEquals("AddrProbeResponse", receive(udp, 5000).getString("type"));
            alice.ws.call(P2PSignallingIT.connect(bob.address(), Json.createArrayBuilder()));
            JsonObject udpSrflx = bob.next("P2PConnectNotify").getJsonObject("body").getJsonArray("candidates").getJsonObject(1);
            assertEquals("srflx", udpSrflx.getString("type"));
            assertEquals("udp", udpSrflx.getString("proto"));
            assertEquals(udp.getLocalPort(), udpSrflx.getInt("port"));
        }
    }

    @Test
    void malformedOversizedAndUnboundProbesGetNoAnswer() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String connId = alice.session.connId();
            send(udp, "not json".getBytes(StandardCharsets.UTF_8));
            send(udp, "{\"type\":\"AddrProbe\",\"connId\":1}".getBytes(StandardCharsets.UTF_8));
            send(udp, probe(connId, "short"));
            send(udp, probe(nonce(), nonce()));
            String padded = Json.createObjectBuilder().add("type", "AddrProbe").add("connId", connId).add("nonce", nonce())
                    .add("pad", "x".repeat(500)).build().toString();
            send(udp, padded.getBytes(StandardCharsets.UTF_8));
            assertNull(receive(udp, 700), "silence for every invalid datagram");
            send(udp, probe(connId, nonce()));
            assertEquals("AddrProbeResponse", receive(udp, 5000).getString("type"), "while a valid one is still answered");
        }
    }

    @Test
    void aConnectionGetsAtMostTenAnswersASecond() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 25; i++) {
                send(udp, probe(alice.session.connId(), nonce()));
            }
            int answers = 0;
            while (receive(udp, 700) != null) {
                answers++;
            }
            assertTrue(answers >= 1 && answers <= 20, "25 probes in one burst (at most two one-second windows): " + answers);
        }
    }
}
