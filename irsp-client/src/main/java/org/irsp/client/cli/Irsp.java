package org.irsp.client.cli;

import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.irsp.client.RestReply;
import org.irsp.client.Wire;
import org.irsp.client.p2p.P2p;
import org.irsp.client.p2p.P2pChannel;
import org.irsp.client.p2p.P2pSettings;
import java.util.UUID;

/**
 * A command line for trying an IRSP by hand and for scripted network tests:
 * <pre>
 * irsp [--server URL] [--probe-port N] [--p2p-timeout S] register-user ID PASSWORD [acceptAll]
 * irsp … befriend ID PASSWORD FRIEND_ID          (the friend accepts all requests)
 * irsp … p2p-listen ID PASSWORD SECONDS          (accepts every offer, echoes what arrives)
 * irsp … p2p-connect ID PASSWORD PEER_ID [direct|relay]
 * irsp … check ID PASSWORD                       (log in, bind, heartbeat, log out: a smoke test)
 * </pre>
 * Exit status 0 on success; p2p-connect succeeds when a message came back over the channel, on the
 * expected path if one is named.
 */
public final class Irsp {

    private URI server = URI.create("http://127.0.0.1:8080");
    private int probePort = 3880;
    private Duration p2pTimeout = Duration.ofSeconds(5);

    public static void main(String[] args) throws Exception {
        System.exit(new Irsp().run(List.of(args)));
    }

    int run(List<String> args) throws Exception {
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--server" -> server = URI.create(args.get(++i));
                case "--probe-port" -> probePort = Integer.parseInt(args.get(++i));
                case "--p2p-timeout" -> p2pTimeout = Duration.ofSeconds(Long.parseLong(args.get(++i)));
                default -> rest.add(args.get(i));
            }
        }
        if (rest.size() < 3) {
            return usage();
        }
        IrspRest http = new IrspRest(server);
        return switch (rest.get(0)) {
            case "register-user" -> ok(http.post("users", Wire.JSON.createObjectBuilder().add("userId", rest.get(1))
                    .add("password", rest.get(2)).add("acceptPolicy", rest.size() > 3 ? rest.get(3) : "approval").build()));
            case "befriend" -> ok(http.call("POST", "relationships", Wire.JSON.createObjectBuilder().add("kind", "user-user")
                    .add("target", user(rest.get(3))).build(), http.login("user", rest.get(1), "password", rest.get(2)).token()));
            case "check" -> check(http, rest.get(1), rest.get(2));
            case "p2p-listen" -> listen(http, rest.get(1), rest.get(2), Long.parseLong(rest.get(3)));
            case "p2p-connect" -> connect(http, rest.get(1), rest.get(2), rest.get(3), rest.size() > 4 ? rest.get(4) : null);
            default -> usage();
        };
    }

    private static int usage() {
        System.err.println("usage: irsp [--server URL] [--probe-port N] [--p2p-timeout S] "
                + "register-user|befriend|check|p2p-listen|p2p-connect ID PASSWORD …");
        return 2;
    }

    private int check(IrspRest http, String id, String password) throws Exception {
        IrspRest.Session session = http.login("user", id, "password", password);
        say("LOGGED IN " + session.connId());
        try (IrspSocket ws = bound(session)) {
            say("BOUND " + session.connId());
            int beat = callCode(ws, "Heartbeat");
            say("HEARTBEAT " + beat);
            int logout = callCode(ws, "LogoutRequest");
            say("LOGOUT " + logout);
            return beat == 200 && logout == 200 ? 0 : 1;
        }
    }

    private static int callCode(IrspSocket ws, String type) throws Exception {
        return ws.call(Wire.JSON.createObjectBuilder().add("type", type).add("msgId", UUID.randomUUID().toString())
                .add("body", JsonObject.EMPTY_JSON_OBJECT)).get(10, TimeUnit.SECONDS).getInt("retCode");
    }

    private int listen(IrspRest http, String id, String password, long seconds) throws Exception {
        IrspRest.Session session = http.login("user", id, "password", password);
        try (IrspSocket ws = bound(session); P2p p2p = p2p(ws, session)) {
            p2p.onOffer(offer -> true, channel -> {
                say("ACCEPTED " + channel.requestId() + " PATH " + channel.path());
                echo(channel, seconds);
            });
            say("LISTENING " + session.connId());
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        }
        return 0;
    }

    private int connect(IrspRest http, String id, String password, String peer, String expected) throws Exception {
        IrspRest.Session session = http.login("user", id, "password", password);
        try (IrspSocket ws = bound(session); P2p p2p = p2p(ws, session)) {
            P2pChannel channel = p2p.connect(user(peer), "cli").get(60, TimeUnit.SECONDS);
            say("PATH " + channel.path() + (channel.directAddress() != null ? " " + channel.directAddress() : ""));
            long start = System.nanoTime();
            byte[] ping = ("ping from " + id).getBytes(StandardCharsets.UTF_8);
            channel.send(ping);
            byte[] back = channel.receive(Duration.ofSeconds(10));
            boolean echoed = back != null && new String(back, StandardCharsets.UTF_8).equals(new String(ping, StandardCharsets.UTF_8));
            say(echoed ? "ECHO ok " + (System.nanoTime() - start) / 1_000_000 + " ms" : "ECHO missing");
            return echoed && (expected == null || expected.equals(channel.path())) ? 0 : 1;
        }
    }

    private static void echo(P2pChannel channel, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            byte[] m = channel.receive(Duration.ofSeconds(1));
            if (m != null) {
                channel.send(m);
                say("ECHOED " + m.length + " bytes over " + channel.path());
            }
        }
    }

    private IrspSocket bound(IrspRest.Session session) {
        IrspSocket ws = IrspSocket.open(server, session.token()).autoAck(true);
        JsonObject bind = ws.bind(session.connId());
        if (bind == null || bind.getInt("retCode") != 200) {
            throw new IllegalStateException("bind failed: " + bind);
        }
        ws.onFrame(frame -> { }).heartbeatEvery(Duration.ofMillis(bind.getJsonObject("body").getInt("heartbeatSeconds", 60) * 500L));
        return ws;
    }

    private P2p p2p(IrspSocket ws, IrspRest.Session session) {
        return new P2p(ws, session.connId(), session.token(), new InetSocketAddress(server.getHost(), probePort),
                new P2pSettings(p2pTimeout, Duration.ofSeconds(40), true));
    }

    private static JsonObject user(String id) {
        return Wire.JSON.createObjectBuilder().add("type", "user").add("id", id).build();
    }

    private static int ok(RestReply reply) {
        say(reply.retCode() + " " + reply.body());
        return reply.retCode() == 200 ? 0 : 1;
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
