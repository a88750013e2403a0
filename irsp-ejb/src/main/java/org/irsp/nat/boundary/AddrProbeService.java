package org.irsp.nat.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.nat.control.ProbeObservations;
import org.irsp.nat.control.SessionTokens;
import org.irsp.nat.entity.AddrProbe;
import org.irsp.nat.entity.Candidate;
import org.irsp.nat.entity.ProbeBudget;

/**
 * §12.2 the AddrProbe service: one UDP socket on {@code irsp.nat.probeAddress:irsp.nat.probePort}, read
 * by one managed thread. A well-formed probe naming a connection bound on this node, within its budget,
 * is answered with the address and port it came from and a MAC keyed with that session's token; the
 * observation is kept for P2P signalling. Everything else is dropped without a word. Port 0 or less
 * switches the service off.
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

    @Inject SessionTokens tokens;
    @Inject ProbeObservations observations;
    @Resource ManagedThreadFactory threads;

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

    private void serve() {
        ProbeBudget connectionBudget = new ProbeBudget(perConnection);
        ProbeBudget sourceBudget = new ProbeBudget(perSource);
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
