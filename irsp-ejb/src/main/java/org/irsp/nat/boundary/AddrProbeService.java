package org.irsp.nat.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.cluster.control.Grid;
import org.irsp.cluster.control.Node;
import org.irsp.nat.control.ProbeObservations;
import org.irsp.nat.control.ProbeRelay;
import org.irsp.nat.control.SessionTokens;
import org.irsp.nat.entity.AddrProbe;
import org.irsp.nat.entity.Candidate;
import org.irsp.nat.entity.ProbeBudget;
import org.irsp.nat.entity.ProbeCommand;
import org.irsp.session.boundary.Sessions;

/**
 * §12.2 the AddrProbe service: one UDP socket on {@code irsp.nat.probeAddress:irsp.nat.probePort}, read
 * by one managed thread. A well-formed probe naming a connection bound on this node, within its budget,
 * is answered with the address and port it came from and a MAC keyed with that session's token; the
 * observation is kept for P2P signalling. In a cluster, a probe naming a connection bound on another node
 * is answered through that node ({@link ProbeCommand}), at most {@code irsp.nat.probeLookupsPerSecond}
 * such probes a second on this node. Everything else is dropped without a word. Port 0 or less switches
 * the service off.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AddrProbeService {

    private static final Logger LOG = Logger.getLogger(AddrProbeService.class.getName());

    @Inject @ConfigProperty(name = "irsp.nat.probePort", defaultValue = "3880") int port;
    @Inject @ConfigProperty(name = "irsp.nat.probeAddress", defaultValue = "0.0.0.0") String address;
    @Inject @ConfigProperty(name = "irsp.nat.probesPerSecondPerConnection", defaultValue = "10") int perConnection;
    @Inject @ConfigProperty(name = "irsp.nat.probesPerSecondPerSource", defaultValue = "50") int perSource;
    @Inject @ConfigProperty(name = "irsp.nat.probeLookupsPerSecond", defaultValue = "200") int lookups;

    @Inject SessionTokens tokens;
    @Inject ProbeObservations observations;
    @Inject Grid grid;
    @Inject Node node;
    @Inject Sessions sessions;
    @Inject ProbeRelay relay;
    @Resource ManagedThreadFactory threads;
    @Resource ManagedExecutorService executor;

    private DatagramSocket socket;
    private Thread reader;

    @PostConstruct
    void start() {
        if (port <= 0) {
            LOG.info("AddrProbe service off (irsp.nat.probePort <= 0)");
            return;
        }
        try {
            socket = new DatagramSocket(new InetSocketAddress(address, port));
        } catch (SocketException e) {
            throw new IllegalStateException("cannot bind the AddrProbe socket to " + address + ":" + port, e);
        }
        reader = threads.newThread(this::serve);
        reader.setName("irsp-addrprobe");
        reader.start();
        LOG.log(Level.INFO, "AddrProbe service on udp {0}:{1}", new Object[] {address, String.valueOf(port)});
    }

    @PreDestroy
    void stop() {
        if (socket != null) {
            socket.close();
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Sends the probe to the node its connection is bound on, if that is another live one. */
    private void askHolder(ProbeCommand ask) {
        try {
            sessions.boundNodeOf(ask.connId()).filter(n -> !n.equals(node.name())).ifPresent(n -> relay.send(n, ask));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "AddrProbe not passed on: {0}", e.toString());
        }
    }

    /** Another node's part of a probe: answer one for a connection bound here, or send the answer it made. */
    public void onProbeCommand(@Observes ProbeCommand command) throws IOException {
        switch (command.kind()) {
            case ASK -> {
                Optional<String> token = tokens.tokenOfBound(command.connId());
                if (token.isPresent()) {
                    observations.observed(command.connId(), command.ip(), command.port());
                    byte[] reply = command.probe().reply(token.get(), command.ip(), command.port());
                    relay.send(command.node(), command.answer(new String(reply, StandardCharsets.UTF_8)));
                }
            }
            case ANSWER -> {
                if (socket == null) {
                    return; // switched off since it asked
                }
                byte[] reply = command.answer().getBytes(StandardCharsets.UTF_8);
                socket.send(new DatagramPacket(reply, reply.length, new InetSocketAddress(command.ip(), command.port())));
            }
        }
    }

    private void serve() {
        ProbeBudget connectionBudget = new ProbeBudget(perConnection);
        ProbeBudget sourceBudget = new ProbeBudget(perSource);
        ProbeBudget lookupBudget = new ProbeBudget(lookups);
        byte[] buffer = new byte[AddrProbe.MAX_DATAGRAM + 1];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                long second = System.nanoTime() / 1_000_000_000L;
                String ip = Candidate.withoutZone(packet.getAddress().getHostAddress());
                if (!sourceBudget.spend(ip, second)) {
                    continue;
                }
                Optional<AddrProbe> probe = AddrProbe.parse(packet.getData(), packet.getLength());
                Optional<String> token = probe.flatMap(p -> tokens.tokenOfBound(p.connId()));
                if (token.isEmpty() && probe.isPresent() && grid.isOn() && lookupBudget.spend("", second)
                        && connectionBudget.spend(probe.get().connId(), second)) {
                    ProbeCommand ask = ProbeCommand.ask(probe.get(), ip, packet.getPort(), node.name());
                    executor.execute(() -> askHolder(ask));
                }
                if (token.isEmpty() || !connectionBudget.spend(probe.get().connId(), second)) {
                    continue;
                }
                observations.observed(probe.get().connId(), ip, packet.getPort());
                byte[] reply = probe.get().reply(token.get(), ip, packet.getPort());
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.FINE, "AddrProbe datagram failed: {0}", e.toString());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "AddrProbe datagram failed", e);
            }
        }
    }
}
