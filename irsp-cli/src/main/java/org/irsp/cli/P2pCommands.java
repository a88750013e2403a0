package org.irsp.cli;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.irsp.client.p2p.P2p;
import org.irsp.client.p2p.P2pChannel;
import org.irsp.client.p2p.P2pSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** §12 P2P channels from a shell: one side listens and echoes, the other connects and checks the echo. */
final class P2pCommands {

    /** What both sides need: where the AddrProbe service answers, and how long hole punching may take. */
    static final class Probe {
        @Option(names = "--probe-port", defaultValue = "3880", description = "the IRSP's UDP AddrProbe port (default: ${DEFAULT-VALUE})")
        int probePort;

        @Option(names = "--p2p-timeout", paramLabel = "SECONDS", defaultValue = "5",
                description = "how long to try direct paths before the relay (default: ${DEFAULT-VALUE})")
        long p2pTimeout;

        P2p p2p(Irsp irsp, Bound me) {
            return new P2p(me.ws, me.session.connId(), me.session.token(), new InetSocketAddress(irsp.server().getHost(), probePort),
                    new P2pSettings(Duration.ofSeconds(p2pTimeout), Duration.ofSeconds(40), true));
        }
    }

    @Command(name = "p2p-listen", mixinStandardHelpOptions = true,
            description = "Accepts every P2P offer for --seconds and echoes what arrives on each channel (prints LISTENING, ACCEPTED, ECHOED).")
    static final class Listen implements Callable<Integer> {
        @ParentCommand Irsp irsp;
        @Spec CommandSpec spec;
        @Mixin Account account;
        @Mixin Probe probe;

        @Option(names = "--seconds", defaultValue = "60", description = "how long to listen (default: ${DEFAULT-VALUE})")
        long seconds;

        @Override
        public Integer call() throws Exception {
            try (Bound me = Bound.open(irsp, account); P2p p2p = probe.p2p(irsp, me)) {
                p2p.onOffer(offer -> true, channel -> {
                    say(spec, "ACCEPTED " + channel.requestId() + " PATH " + channel.path());
                    echo(channel);
                });
                say(spec, "LISTENING " + me.session.connId());
                Thread.sleep(TimeUnit.SECONDS.toMillis(seconds)); // listening is what this command is for
            }
            return 0;
        }

        private void echo(P2pChannel channel) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                byte[] m = channel.receive(Duration.ofSeconds(1));
                if (m != null) {
                    channel.send(m);
                    say(spec, "ECHOED " + m.length + " bytes over " + channel.path());
                }
            }
        }
    }

    @Command(name = "p2p-connect", mixinStandardHelpOptions = true,
            description = "Opens a P2P channel to a peer, sends a ping and waits for its echo (prints PATH and ECHO); exit 0 "
                    + "when the echo came back, over the --expect path if one is named.")
    static final class Connect implements Callable<Integer> {
        @ParentCommand Irsp irsp;
        @Spec CommandSpec spec;
        @Mixin Account account;
        @Mixin Probe probe;

        @Parameters(paramLabel = "PEER", description = "user:ID or device:ID")
        String peer;

        @Option(names = "--expect", paramLabel = "PATH", description = "direct or relay: fail on the other path")
        String expected;

        @Override
        public Integer call() throws Exception {
            try (Bound me = Bound.open(irsp, account); P2p p2p = probe.p2p(irsp, me)) {
                P2pChannel channel = p2p.connect(Json.address(peer), "cli").get(60, TimeUnit.SECONDS);
                say(spec, "PATH " + channel.path() + (channel.directAddress() != null ? " " + channel.directAddress() : ""));
                long start = System.nanoTime();
                byte[] ping = ("ping from " + me.session.id()).getBytes(StandardCharsets.UTF_8);
                channel.send(ping);
                byte[] back = channel.receive(Duration.ofSeconds(10));
                boolean echoed = back != null && new String(back, StandardCharsets.UTF_8).equals(new String(ping, StandardCharsets.UTF_8));
                say(spec, echoed ? "ECHO ok " + (System.nanoTime() - start) / 1_000_000 + " ms" : "ECHO missing");
                return echoed && (expected == null || expected.equals(channel.path())) ? 0 : 1;
            }
        }
    }

    static synchronized void say(CommandSpec spec, String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }

    private P2pCommands() {}
}
