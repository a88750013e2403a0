package org.irsp.it;

import static org.irsp.it.Fixtures.address;
import static org.irsp.it.RelationshipIT.establish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.irsp.client.RestReply;
import org.irsp.client.p2p.AddrProbeClient;
import org.irsp.client.p2p.Candidate;
import org.irsp.client.p2p.P2p;
import org.irsp.client.p2p.P2pChannel;
import org.irsp.client.p2p.P2pSettings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three nodes started by {@code scripts/cluster.sh start 3} (PostgreSQL, the external broker, the data grid
 * on), each party bound to a different node: relationships, every message kind, presence and notifications
 * cross nodes; a device is replaced across nodes; a node killed with -9 has its connections ended by the
 * others. Run by {@code .ci/run} ({@code mvn verify -Pcluster}); the node killed last is not restarted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Path DIR = Path.of(System.getProperty("irsp.it.clusterDir", "cluster"));
    private static final URI NODE1 = node(1);
    private static final URI NODE2 = node(2);
    private static final URI NODE3 = node(3);
    private static final IrspRest REST = new IrspRest(NODE1);
    private static final Duration NODE_LOSS = Duration.ofSeconds(90);
    /** The broker pair of scripts/cluster.sh, for an enterprise's JMS client: whichever of the two is active. */
    static final String BROKERS = "(tcp://127.0.0.1:61616,tcp://127.0.0.1:61617)";
    /** The nodes' duplicate window per entity, {@code IRSP_MSG_DEDUPMAXPERENTITY} in .ci/run. */
    static final int DEDUP_MAX = 16;
    /** The nodes' registrations per client address and minute, {@code IRSP_REGISTER_RATEPERMINUTE} in .ci/run. */
    static final int REGISTER_RATE = 200;

    static URI node(int i) {
        return URI.create("http://127.0.0.1:" + (8080 + i));
    }

    static String user(URI through) {
        String id = "cu" + UUID.randomUUID().toString().substring(0, 12);
        RestReply r = new IrspRest(through).post("users", Json.createObjectBuilder().add("userId", id).add("password", Fixtures.PASSWORD).build());
        assertEquals(200, r.retCode(), r.body().toString());
        return id;
    }

    static String deviceWithCode(URI through, String code) {
        RestReply r = new IrspRest(through).post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("verificationCode", code).build());
        assertEquals(200, r.retCode(), r.body().toString());
        return r.body().getString("deviceId");
    }

    static JsonObjectBuilder message(JsonObject target, boolean needResponse) {
        return Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", Json.createArrayBuilder().add(target)).add("needResponse", needResponse)
                .add("body", Json.createObjectBuilder().add("op", "control").add("power", "on"));
    }

    /** Alice claims a fresh device (registered through node3) bound on {@code deviceNode}; both see each other online. */
    private static Party claimedDevice(Party alice, URI deviceNode) {
        return claimedDevice(alice, NODE3, deviceNode);
    }

    static Party claimedDevice(Party alice, URI registeredThrough, URI deviceNode) {
        String deviceId = deviceWithCode(registeredThrough, "HJKM2345");
        Party device = Party.device(deviceNode, deviceId);
        JsonObject claimed = alice.request("RelationshipEstablishRequest", establish("user-device", device.address(), "HJKM2345"));
        assertEquals(200, claimed.getInt("retCode"), claimed.toString());
        assertEquals("verificationCode", device.next("RelationshipEstablishedNotify").getJsonObject("body").getString("via"));
        assertEquals(deviceId, alice.next("StatusChangeNotify").getJsonObject("body").getString("id"));
        assertEquals(alice.id, device.next("StatusChangeNotify").getJsonObject("body").getString("id"));
        return device;
    }

    @Test
    @Order(1)
    void aUserClaimsADeviceOnAnotherNodeAndTheyExchangeRequestsResponsesAndOneWayMessages() {
        try (Party alice = Party.user(NODE1, user(NODE2)); Party device = claimedDevice(alice, NODE2)) {
            JsonObject request = message(device.address(), true).build();
            alice.ws.sendRaw(request.toString());
            JsonObject received = device.next("DataMessage");
            assertEquals(request.getString("msgId"), received.getString("msgId"));
            assertEquals(alice.session.connId(), received.getJsonObject("source").getString("connId"));
            JsonObject response = MessagingIT.powerOnResponse(received);
            device.ws.sendRaw(response.toString());
            JsonObject relayed = alice.next("DataMessageResponse");
            assertEquals(request.getString("msgId"), relayed.getString("respTo"));
            assertEquals(device.session.connId(), relayed.getJsonObject("source").getString("connId"));
            device.ws.sendRaw(Json.createObjectBuilder(response).add("msgId", "r2-" + UUID.randomUUID()).build().toString());
            assertEquals(410, device.next("Ack").getInt("retCode"), "only the first response, wherever it came through");

            assertEquals(200, alice.call(message(device.address(), false)).getInt("retCode"));
            assertNotNull(device.next("DataMessage"));
            JsonObject toServer = device.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "irsp")))
                    .add("body", Json.createObjectBuilder().add("op", "event")));
            assertTrue(toServer.getInt("retCode") < 300, toServer.toString());
        }
    }

    @Test
    @Order(2)
    void aRequestUnansweredOnAnotherNodeTimesOutAndOneToAConnectionThatClosesFailsWith480() {
        try (Party alice = Party.user(NODE1, user(NODE1)); Party device = claimedDevice(alice, NODE3)) {
            alice.ws.sendRaw(message(device.address(), true).build().toString());
            device.next("DataMessage");
            assertEquals(408, alice.next("DataMessageResponse").getInt("retCode"), "the sender's node answers 408");
            alice.ws.sendRaw(message(device.address(), true).build().toString());
            device.next("DataMessage");
            device.close();
            assertEquals(480, alice.next("DataMessageResponse").getInt("retCode"), "the target's node closed it, the sender's node answers");
        }
    }

    @Test
    @Order(3)
    void friendsOnThreeNodesApproveSeeEachOtherAndReceiveOneMessageToSeveralTargets() {
        try (Party alice = Party.user(NODE1, user(NODE1)); Party bob = Party.user(NODE2, user(NODE2));
                Party carol = Party.user(NODE3, user(NODE3))) {
            for (Party friend : new Party[] {bob, carol}) {
                JsonObject asked = alice.request("RelationshipEstablishRequest", establish("user-user", friend.address(), null));
                assertEquals(202, asked.getInt("retCode"));
                String requestId = asked.getJsonObject("body").getString("requestId");
                assertEquals(requestId, friend.next("RelationshipRequestNotify").getJsonObject("body").getString("requestId"));
                assertEquals(200, friend.request("RelationshipAcceptResponse", Json.createObjectBuilder().add("requestId", requestId).build())
                        .getInt("retCode"));
                assertEquals("accepted", alice.next("RelationshipResultNotify").getJsonObject("body").getString("result"));
                assertEquals(friend.id, alice.next("StatusChangeNotify").getJsonObject("body").getString("id"));
                assertEquals(alice.id, friend.next("StatusChangeNotify").getJsonObject("body").getString("id"));
            }
            JsonObject multi = alice.call(Json.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                    .add("targets", Json.createArrayBuilder().add(bob.address()).add(carol.address()))
                    .add("body", Json.createObjectBuilder().add("op", "event").add("text", "hi both")));
            assertEquals("MultiAck", multi.getString("type"), multi.toString());
            assertEquals("hi both", bob.next("DataMessage").getJsonObject("body").getString("text"));
            assertEquals("hi both", carol.next("DataMessage").getJsonObject("body").getString("text"));

            JsonObject busy = bob.request("PresenceSetRequest", Json.createObjectBuilder().add("presence", "busy").build());
            assertEquals(200, busy.getInt("retCode"));
            assertEquals("busy", alice.next("StatusChangeNotify").getJsonObject("body").getString("presence"));
            carol.close();
            JsonObject gone = alice.next("OfflineNotify");
            assertEquals(carol.id, gone.getJsonObject("body").getString("id"));
        }
    }

    @Test
    @Order(4)
    void aMessageStoredThroughOneNodeIsDeliveredAtABindOnAnotherAndAGuaranteedOneAfterItsAck() {
        String deviceId;
        try (Party alice = Party.user(NODE1, user(NODE1))) {
            try (Party device = claimedDevice(alice, NODE2)) {
                deviceId = device.id;
            }
            alice.next("OfflineNotify");
            assertEquals(202, Fixtures.sendOffline(alice.ws, address("device", deviceId), "while you slept").getInt("retCode"));
            try (Party device = Party.device(NODE3, deviceId)) {
                JsonObject item = device.next("OfflineMessageDelivery");
                assertEquals("while you slept", item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getString("text"),
                        item.toString());
            }
        }
    }

    @Test
    @Order(5)
    void aDeviceBindingThroughAnotherNodeReplacesItsOlderConnection() {
        String deviceId = deviceWithCode(NODE1, "MNPQ2345");
        try (Party older = Party.device(NODE1, deviceId); Party newer = Party.device(NODE2, deviceId)) {
            assertEquals(4001, older.ws.closeCode(Party.WAIT));
            assertNotNull(newer.bindReply);
            RestReply status = REST.call("GET", "devices/" + IrspRest.encode(deviceId), null, newer.session.token());
            assertEquals(200, status.retCode());
        }
    }

    @Test
    @Order(6)
    void aMsgIdRepeatedThroughAnotherNodeIsADuplicateWithTheFirstOutcome() {
        String id = user(NODE2);
        try (Party first = Party.user(NODE1, id); Party second = Party.user(NODE2, id)) {
            JsonObjectBuilder toIrsp = Json.createObjectBuilder().add("type", "DataMessage").add("msgId", "dup-" + UUID.randomUUID())
                    .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "irsp")))
                    .add("body", Json.createObjectBuilder().add("op", "event"));
            JsonObject frame = toIrsp.build();
            assertEquals(200, first.call(Json.createObjectBuilder(frame)).getInt("retCode"));
            JsonObject again = second.call(Json.createObjectBuilder(frame));
            assertEquals(409, again.getInt("retCode"), again.toString());
            assertEquals("Ack", again.getJsonObject("details").getString("originalType"));
            assertEquals(200, again.getJsonObject("details").getInt("originalRetCode"));
        }
    }

    @Test
    @Order(7)
    void anEnterprisePushAndAKickReachConnectionsWhereverTheyAreBound() throws Exception {
        String deviceId = Fixtures.newDeviceId();
        assertEquals(200, REST.post("devices", Fixtures.device(deviceId)).retCode());
        String id = user(NODE1);
        try (Party device = Party.device(NODE2, deviceId); Party here = Party.user(NODE1, id); Party there = Party.user(NODE3, id)) {
            String msgId = "p-" + UUID.randomUUID();
            try (var factory = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(BROKERS);
                    jakarta.jms.JMSContext jms = factory.createContext()) {
                jms.createProducer().send(jms.createQueue("irsp.push.inbound"), Json.createObjectBuilder().add("type", "ServerPushNotify")
                        .add("msgId", msgId).add("targets", Json.createArrayBuilder().add(address("device", deviceId)))
                        .add("body", Json.createObjectBuilder().add("cmd", "on")).build().toString());
            }
            JsonObject pushed = device.next("ServerPushNotify");
            assertEquals(msgId, pushed.getString("msgId"));
            assertEquals("on", pushed.getJsonObject("body").getString("cmd"));
            assertEquals(200, REST.call("DELETE", "sessions/" + there.session.connId(), null, here.session.token()).retCode());
            assertEquals(4003, there.ws.closeCode(Party.WAIT), "kicked through node1, closed by node3");
        }
    }

    @Test
    @Order(8)
    void aLogoutThroughOneNodeEndsTheTokenOnEveryNode() {
        String id = user(NODE1);
        IrspRest.Session session = new IrspRest(NODE1).login("user", id, "password", Fixtures.PASSWORD);
        for (URI node : List.of(NODE1, NODE2, NODE3)) {
            assertEquals(200, new IrspRest(node).call("GET", "users/" + id, null, session.token()).retCode(), "known on " + node);
        }
        assertEquals(200, new IrspRest(NODE2).call("DELETE", "sessions/" + session.connId(), null, session.token()).retCode());
        for (URI node : List.of(NODE1, NODE2, NODE3)) {
            assertEquals(401, new IrspRest(node).call("GET", "users/" + id, null, session.token()).retCode(),
                    "no node keeps the ended session in a cache of its own: " + node);
        }
    }

    /**
     * §6.7 across nodes: terminals of one user bound on two nodes each get every item no terminal has
     * acked, and an Ack through either node removes its item (the queue has one reader, the node that
     * bound last; Acks through the other are sent on to it).
     */
    @Test
    @Order(9)
    void terminalsOnTwoNodesEachGetTheStoredItemsAndAnAckThroughEitherRemovesIt() {
        String alice = user(NODE1);
        try (Party a = Party.user(NODE1, alice); Party device = claimedDevice(a, NODE2)) {
            a.close();
            assertNotNull(device.next("OfflineNotify"));
            for (String text : List.of("one", "two")) {
                assertEquals(202, Fixtures.sendOffline(device.ws, address("user", alice), text).getInt("retCode"));
            }
        }
        try (Terminal first = terminal(NODE1, alice); Terminal second = terminal(NODE3, alice)) {
            assertEquals(2, first.offlineItems());
            assertEquals(2, second.offlineItems(), "the terminal on the other node is announced the same items");
            Map<String, String> atFirst = messages(first.ws(), 2);
            Map<String, String> atSecond = messages(second.ws(), 2);
            assertEquals(List.of("one", "two"), List.copyOf(atFirst.values()));
            assertEquals(List.of("one", "two"), List.copyOf(atSecond.values()));
            acked(first.ws(), idOf(atFirst, "one")); // through the node that no longer reads the queue
            acked(second.ws(), idOf(atSecond, "two"));
        }
        // the Ack sent on to the reader lands a moment later: a bind announces nothing once it has
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int left;
        do {
            try (Terminal third = terminal(NODE2, alice)) {
                left = third.offlineItems();
            }
        } while (left > 0 && System.nanoTime() < deadline);
        assertEquals(0, left, "both Acks removed their items");
    }

    /** A bound connection that acks nothing by itself, and the number of offline items its bind announced. */
    private record Terminal(IrspSocket ws, int offlineItems) implements AutoCloseable {
        @Override
        public void close() {
            ws.close();
        }
    }

    private static Terminal terminal(URI node, String user) {
        IrspRest.Session s = new IrspRest(node).login("user", user, "password", Fixtures.PASSWORD);
        IrspSocket ws = IrspSocket.open(node, s.token());
        JsonObject reply = ws.bind(s.connId());
        assertEquals(200, reply.getInt("retCode"), reply.toString());
        return new Terminal(ws, reply.getJsonObject("body").getInt("offlineItems"));
    }

    /** The texts of the next {@code count} OfflineMessageDeliveries, by delivery ID. */
    private static Map<String, String> messages(IrspSocket ws, int count) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            JsonObject item = ws.next("OfflineMessageDelivery", Party.WAIT);
            assertNotNull(item, "item " + i + " of " + count);
            texts.put(item.getString("msgId"), item.getJsonObject("body").getJsonObject("message").getJsonObject("body").getString("text"));
        }
        return texts;
    }

    private static String idOf(Map<String, String> messages, String text) {
        return messages.entrySet().stream().filter(e -> e.getValue().equals(text)).findFirst().orElseThrow().getKey();
    }

    /** Acks, then waits until the connection has handled the Ack: its frames are handled in order. */
    private static void acked(IrspSocket ws, String deliveryId) {
        ws.ack(deliveryId);
        assertNotNull(ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, Party.WAIT));
    }

    /** An AddrProbe may reach any node: the one that holds the connection makes the answer, the one reached sends it. */
    @Test
    @Order(10)
    void anAddrProbeToAnyNodeIsAnsweredForAConnectionBoundOnAnother() throws Exception {
        try (Party alice = Party.user(NODE2, user(NODE2)); DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i : List.of(1, 3, 2)) {
                Optional<Candidate> seen = AddrProbeClient.probe(socket, probeServer(i), alice.session.connId(), alice.session.token(), Duration.ofSeconds(10));
                assertTrue(seen.isPresent(), "no valid AddrProbeResponse from node" + i);
                assertEquals(socket.getLocalPort(), seen.get().port());
            }
        }
    }

    /** The P2P attempt lives in the grid: the device answers through its node, the requester's node tells the user. */
    @Test
    @Order(11)
    void aUserAndADeviceOnDifferentNodesOpenADirectP2PChannelProbingThirdNode() throws Exception {
        try (Party alice = Party.user(NODE1, user(NODE1)); Party device = claimedDevice(alice, NODE2);
             P2p mine = p2p(alice, 3); P2p theirs = p2p(device, 3)) {
            CompletableFuture<P2pChannel> accepted = P2pChannelIT.echoing(theirs);
            P2pChannel channel = mine.connect(device.address(), "media").get(60, TimeUnit.SECONDS);
            assertEquals("direct", channel.path());
            assertEquals("direct", accepted.get(60, TimeUnit.SECONDS).path());
            P2pChannelIT.assertEchoed(channel, "hello across nodes");
        }
    }

    /** The console's lockout counts wrong passwords through every node: the fifth locks the name on all of them. */
    @Test
    @Order(12)
    void wrongConsolePasswordsThroughDifferentNodesLockTheNameOnEveryNode() throws Exception {
        String name = "op" + UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        for (int i = 0; i < 4; i++) {
            assertTrue(consoleSignIn(http, node(1 + i % 3), name).endsWith("?failed"), "attempt " + (i + 1));
        }
        assertTrue(consoleSignIn(http, NODE2, name).endsWith("?failed"), "the fifth wrong password locks the name");
        for (URI node : List.of(NODE1, NODE2, NODE3)) {
            assertTrue(consoleSignIn(http, node, name).endsWith("?locked"), "locked on " + node);
        }
    }

    /**
     * Registrations are counted per client address in the grid: from one address (a fresh one of 127/8, so that
     * no other test's registrations count), {@value #REGISTER_RATE} requests spread over the three nodes use the
     * minute's allowance ({@code IRSP_REGISTER_RATEPERMINUTE} in .ci/run), and the next is 429 through every node.
     * The requests carry no body: the throttle counts before the body is read, so they cost no password hashing.
     */
    @Test
    @Order(14)
    void registrationsThroughDifferentNodesCountAgainstOneLimitPerAddress() throws Exception {
        InetAddress from = InetAddress.getByAddress(new byte[] {127, (byte) (1 + RANDOM.nextInt(250)), (byte) RANDOM.nextInt(256), 2});
        for (int i = 0; i < REGISTER_RATE; i++) {
            String status = registerFrom(from, 1 + i % 3);
            assertTrue(!status.contains(" 429 "), "request " + (i + 1) + ": " + status);
        }
        for (int node = 1; node <= 3; node++) {
            assertTrue(registerFrom(from, node).contains(" 429 "), "over the limit through node" + node);
        }
    }

    private static final Random RANDOM = new Random();

    /** POST users with an empty body from {@code from}; the response's status line. */
    private static String registerFrom(InetAddress from, int node) throws Exception {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), 8080 + node, from, 0)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /irsp/api/v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertNotNull(status, "no answer from node" + node);
            return status;
        }
    }

    /**
     * The grid holds an entity's msgIds only as long as a node's window does: a msgId the sending node's window
     * pushed out for newer ones is new through another node too. The nodes run with a window of
     * {@value #DEDUP_MAX} msgIds per entity ({@code IRSP_MSG_DEDUPMAXPERENTITY}, as .ci/run starts them); the grid
     * forgets the msgId without the sender waiting, so the repeat is tried until it is taken, within a minute.
     */
    @Test
    @Order(13)
    void aMsgIdPushedOutOfItsNodesWindowIsNewThroughAnotherNodeToo() {
        String id = user(NODE2);
        try (Party first = Party.user(NODE1, id); Party second = Party.user(NODE2, id)) {
            JsonObject frame = toIrsp("old-" + UUID.randomUUID());
            assertEquals(200, first.call(Json.createObjectBuilder(frame)).getInt("retCode"));
            assertEquals(409, second.call(Json.createObjectBuilder(frame)).getInt("retCode"), "still in the window");
            for (int i = 0; i < DEDUP_MAX; i++) {
                assertEquals(200, first.call(Json.createObjectBuilder(toIrsp("new-" + i + "-" + UUID.randomUUID()))).getInt("retCode"));
            }
            Instant until = Instant.now().plusSeconds(60);
            int retCode;
            do {
                retCode = second.call(Json.createObjectBuilder(frame)).getInt("retCode");
            } while (retCode == 409 && Instant.now().isBefore(until));
            assertEquals(200, retCode, "the msgId pushed out of node1's window is still a duplicate through node2");
        }
    }

    private static JsonObject toIrsp(String msgId) {
        return Json.createObjectBuilder().add("type", "DataMessage").add("msgId", msgId)
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "irsp")))
                .add("body", Json.createObjectBuilder().add("op", "event")).build();
    }

    /**
     * The console on one node lists the cluster's sessions, those bound on other nodes with their node and
     * address, and kicks one bound on another node (its WebSocket closes with 4003 there). The cluster runs
     * with {@code IRSP_ADMIN_PASSWORD} set to the tests' console password (.ci/run).
     */
    @Test
    @Order(15)
    void theConsoleOnOneNodeListsAndKicksASessionBoundOnAnother() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        http.send(HttpRequest.newBuilder(NODE1.resolve("/irsp/admin-login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + AdminConsoleIT.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject overview = json(http.send(HttpRequest.newBuilder(NODE1.resolve("/irsp/admin/api/overview")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String csrf = overview.getString("csrfToken");
        String id = user(NODE1);
        try (Party there = Party.user(NODE3, id)) {
            JsonObject row = null;
            for (int page = 0; row == null; page++) {
                JsonObject list = json(http.send(HttpRequest.newBuilder(NODE1.resolve("/irsp/admin/api/sessions?size=200&page=" + page))
                        .build(), HttpResponse.BodyHandlers.ofString()).body());
                row = list.getJsonArray("sessions").getValuesAs(JsonObject.class).stream()
                        .filter(r -> r.getString("connId").equals(there.session.connId())).findFirst().orElse(null);
                assertTrue(row != null || list.getBoolean("more"), "the session bound on node 3 is listed on node 1");
            }
            assertEquals("node3", row.getString("node"), row.toString());
            assertTrue(row.getString("clientAddress").startsWith("127."), row.toString());
            HttpResponse<String> kicked = http.send(HttpRequest.newBuilder(NODE1.resolve("/irsp/admin/api/sessions/" + there.session.connId() + "/kick"))
                    .header("Content-Type", "application/json").header("X-IRSP-CSRF", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"cluster console test\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, kicked.statusCode(), kicked.body());
            assertEquals(4003, there.ws.closeCode(Party.WAIT), "kicked through node 1's console, closed by node 3");
        }
    }

    private static JsonObject json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readObject();
    }

    private static String consoleSignIn(HttpClient http, URI node, String name) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(node.resolve("/irsp/admin-login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=wrong")).build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().firstValue("Location").orElse("status " + r.statusCode());
    }

    private static InetSocketAddress probeServer(int node) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 3880 + node);
    }

    private static P2p p2p(Party party, int probeNode) {
        return new P2p(party.ws, party.session.connId(), party.session.token(), probeServer(probeNode), P2pSettings.defaults());
    }

    @Test
    @Order(99)
    void aKilledNodesConnectionsEndClusterWideAndItsDeviceComesBackThroughAnotherNode() throws Exception {
        try (Party alice = Party.user(NODE1, user(NODE1))) {
            Party device = claimedDevice(alice, NODE3);
            device.ws.autoAck(false);
            JsonObject guaranteed = message(device.address(), false).add("delivery", "offline").build();
            assertEquals(200, alice.call(Json.createObjectBuilder(guaranteed)).getInt("retCode"));
            assertNotNull(device.ws.next("DataMessage", Party.WAIT).getString("deliveryId"), "forwarded, not acked");
            JsonObject request = message(device.address(), true).build();
            alice.ws.sendRaw(request.toString());
            assertEquals(request.getString("msgId"), device.next("DataMessage").getString("msgId"));
            killNode(3);
            JsonObject unanswered = alice.ws.next("DataMessageResponse", NODE_LOSS);
            assertNotNull(unanswered, "the request to the lost node's device is answered");
            assertEquals(request.getString("msgId"), unanswered.getString("respTo"));
            assertTrue(unanswered.getInt("retCode") == 480 || unanswered.getInt("retCode") == 408, unanswered.toString());
            JsonObject gone = alice.ws.next("OfflineNotify", NODE_LOSS);
            assertNotNull(gone, "no OfflineNotify within " + NODE_LOSS + " of the kill");
            assertEquals(device.id, gone.getJsonObject("body").getString("id"));
            assertEquals("timeout", gone.getJsonObject("body").getString("reason"));
            device.ws.abort();
            assertEquals(401, REST.call("GET", "devices/" + IrspRest.encode(device.id), null, device.session.token()).retCode(),
                    "the lost node's session ended with it");
            IrspRest failover = new IrspRest(List.of(NODE3, NODE2)); // the SDK given the nodes it may use
            IrspRest.Session again = failover.login("device", device.id, "secret", Fixtures.SECRET);
            assertEquals(NODE2, failover.server(), "node3 refuses connections: the SDK went on to node2");
            try (IrspSocket back = IrspSocket.open(List.of(NODE3, NODE2), again.token())) {
                assertEquals(200, back.bind(again.connId()).getInt("retCode"));
                back.heartbeatEvery(Duration.ofSeconds(1));
                JsonObject kept = back.next("OfflineMessageDelivery", Party.WAIT);
                assertNotNull(kept, "the guaranteed message the lost node forwarded but that was not acked");
                assertEquals(guaranteed.getString("msgId"), kept.getJsonObject("body").getJsonObject("message").getString("msgId"));
                JsonObject online = alice.next("StatusChangeNotify");
                assertEquals(device.id, online.getJsonObject("body").getString("id"));
                assertEquals(200, alice.call(message(device.address(), false)).getInt("retCode"));
                assertNotNull(back.next("DataMessage", Party.WAIT));
            }
        }
    }

    /** SIGKILL to node {@code i}'s JVM (the child of its scripts/server.sh). */
    private static void killNode(int i) throws Exception {
        long script = Long.parseLong(Files.readString(DIR.resolve("node" + i).resolve("server.pid")).trim());
        Set<ProcessHandle> jvms = new HashSet<>();
        ProcessHandle.of(script).orElseThrow().descendants().filter(p -> p.info().command().orElse("").endsWith("java"))
                .forEach(jvms::add);
        assertEquals(1, jvms.size(), "node" + i + "'s JVM");
        for (ProcessHandle jvm : jvms) {
            jvm.destroyForcibly();
            jvm.onExit().get();
        }
    }
}
