package org.irsp.client.p2p;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.irsp.client.Wire;
import java.io.UncheckedIOException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The UDP side of one P2P session (§12.3): probes every candidate pair (host candidates first) with
 * authenticated P2PProbe datagrams, answers the peer's probes with P2PProbeAcks, and takes the first
 * address whose ack comes back as the path. Afterwards it carries the session's sealed datagrams and
 * keeps the NAT bindings alive with a probe every {@code keepAlive}. A probe is accepted only with the
 * session's MAC and the opposite role; an address the peer's probes come from is probed too
 * (peer-reflexive), which is what lets two NATs meet.
 */
final class DirectPath implements AutoCloseable {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(200);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final DatagramSocket socket;
    private final String requestId;
    private final String role;
    private final String peerRole;
    private final String mac;
    private final Sealer sealer;
    private final List<InetSocketAddress> targets = new CopyOnWriteArrayList<>();
    private final Map<InetSocketAddress, Long> lastProbe = new ConcurrentHashMap<>();
    private final CompletableFuture<InetSocketAddress> path = new CompletableFuture<>();
    private volatile Consumer<byte[]> receiver = data -> {};
    private volatile long rttMs = -1;
    private final Thread reader;

    DirectPath(DatagramSocket socket, String requestId, String sessionKey, String role, List<Candidate> peerCandidates) {
        this.socket = socket;
        this.requestId = requestId;
        this.role = role;
        this.peerRole = role.equals("requester") ? "responder" : "requester";
        this.mac = Macs.p2pProbe(sessionKey, requestId);
        this.sealer = new Sealer(sessionKey, requestId);
        peerCandidates.stream().filter(Candidate::udp).sorted((a, b) -> a.type().equals(b.type()) ? 0 : a.type().equals("host") ? -1 : 1)
                .map(Candidate::socketAddress).filter(a -> !a.isUnresolved()).distinct().forEach(targets::add);
        this.reader = new Thread(this::read, "irsp-p2p-" + role);
        reader.setDaemon(true);
        reader.start();
    }

    void onReceive(Consumer<byte[]> receiver) {
        this.receiver = receiver;
    }

    /** Probes until the first authenticated exchange or {@code timeout}: the path's address, or empty. */
    Optional<InetSocketAddress> establish(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!path.isDone() && System.nanoTime() < deadline) {
            for (InetSocketAddress target : targets) {
                lastProbe.put(target, System.nanoTime());
                send("P2PProbe", target);
            }
            try {
                path.get(Math.min(PROBE_INTERVAL.toNanos(), Math.max(1, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // next round
            } catch (Exception e) {
                break;
            }
        }
        return Optional.ofNullable(path.getNow(null));
    }

    void send(byte[] data) {
        InetSocketAddress to = path.getNow(null);
        if (to == null) {
            throw new IllegalStateException("no direct path");
        }
        byte[] sealed = sealer.seal(data, role);
        try {
            socket.send(new DatagramPacket(sealed, sealed.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps NAT bindings open: one probe to the path every 15 s, until closed. */
    void keepAlive(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(() -> {
            InetSocketAddress to = path.getNow(null);
            if (to != null && !socket.isClosed()) {
                send("P2PProbe", to);
            }
        }, KEEP_ALIVE.toMillis(), KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    long rttMs() {
        return rttMs;
    }

    private void read() {
        byte[] buffer = new byte[65_536];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            if (packet.getLength() > 0 && buffer[0] == '{') {
                probe(packet, from);
            } else {
                byte[] data = sealer.open(buffer, packet.getLength(), peerRole);
                if (data != null) {
                    receiver.accept(data);
                }
            }
        }
    }

    private void probe(DatagramPacket packet, InetSocketAddress from) {
        JsonObject p;
        try {
            p = Wire.JSON.createReader(new StringReader(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8)))
                    .readObject();
        } catch (RuntimeException notJson) {
            return;
        }
        if (!requestId.equals(p.getString("requestId", null)) || !peerRole.equals(p.getString("role", null))
                || !Macs.same(mac, p.getString("mac", null))) {
            return;
        }
        String type = p.getString("type", "");
        if (type.equals("P2PProbe")) {
            if (!targets.contains(from)) {
                targets.add(from);
            }
            send("P2PProbeAck", from);
        } else if (type.equals("P2PProbeAck") && path.complete(from)) {
            Long sent = lastProbe.get(from);
            rttMs = sent == null ? 0 : Math.max(0, (System.nanoTime() - sent) / 1_000_000);
        }
    }

    private void send(String type, InetSocketAddress to) {
        byte[] datagram = Wire.JSON.createObjectBuilder().add("type", type).add("requestId", requestId).add("role", role)
                .add("mac", mac).build().toString().getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException | RuntimeException unreachable) {
            // a candidate that cannot be reached is simply not the path
        }
    }

    InetSocketAddress address() {
        return path.getNow(null);
    }

    @Override
    public void close() {
        socket.close();
    }
}
