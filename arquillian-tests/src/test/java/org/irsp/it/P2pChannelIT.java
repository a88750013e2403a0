package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.irsp.client.p2p.P2p;
import org.irsp.client.p2p.P2pRefused;
import org.irsp.client.p2p.P2pSettings;
import org.irsp.client.p2p.P2pChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SDK's P2P channel against the real IRSP: a direct path when probes get through, relay when they do not. */
@ExtendWith(IrspServer.class)
class P2pChannelIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    static P2p p2p(Party party, P2pSettings settings) {
        return new P2p(party.ws, party.session.connId(), party.session.token(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), IrspServer.probePort()), settings);
    }

    /** The peer echoes every message it receives on the channel it accepted. */
    static CompletableFuture<P2pChannel> echoing(P2p peer) {
        CompletableFuture<P2pChannel> accepted = new CompletableFuture<>();
        peer.onOffer(offer -> true, channel -> {
            accepted.complete(channel);
            for (int i = 0; i < 20; i++) {
                byte[] m = channel.receive(Duration.ofSeconds(1));
                if (m != null) {
                    channel.send(m);
                }
            }
        });
        return accepted;
    }

    static void assertEchoed(P2pChannel channel, String text) {
        channel.send(text.getBytes(StandardCharsets.UTF_8));
        byte[] back = channel.receive(WAIT);
        assertNotNull(back, "echo over " + channel.path());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), back);
    }

    @Test
    void friendsFindADirectPathAndExchangeSealedDatagrams() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = P2PSignallingIT.friendOf(alice);
             P2p mine = p2p(alice, P2pSettings.defaults()); P2p theirs = p2p(bob, P2pSettings.defaults())) {
            CompletableFuture<P2pChannel> accepted = echoing(theirs);
            P2pChannel channel = mine.connect(bob.address(), "file").get(30, TimeUnit.SECONDS);
            assertEquals("direct", channel.path());
            assertTrue(channel.rttMs() >= 0);
            assertEquals("direct", accepted.get(30, TimeUnit.SECONDS).path());
            assertEchoed(channel, "hello over UDP");
        }
    }

    @Test
    void withoutADirectPathBothSidesFallBackToRelayThroughTheIrsp() throws Exception {
        P2pSettings quick = new P2pSettings(Duration.ofSeconds(2), Duration.ofSeconds(40), true);
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = P2PSignallingIT.friendOf(alice);
             P2p mine = p2p(alice, quick); P2p relayOnly = p2p(bob, quick.withTryDirect(false))) {
            CompletableFuture<P2pChannel> accepted = echoing(relayOnly);
            long start = System.nanoTime();
            P2pChannel channel = mine.connect(bob.address(), "file").get(30, TimeUnit.SECONDS);
            assertEquals("relay", channel.path());
            assertTrue(System.nanoTime() - start >= Duration.ofSeconds(2).toNanos(), "only after p2pTimeout");
            assertEquals("relay", accepted.get(30, TimeUnit.SECONDS).path());
            assertEchoed(channel, "hello through the IRSP");
        }
    }

    @Test
    void aDeclinedOfferFailsTheConnectWith403() throws Exception {
        try (Party alice = Party.user(Fixtures.newUser()); Party bob = P2PSignallingIT.friendOf(alice);
             P2p mine = p2p(alice, P2pSettings.defaults()); P2p theirs = p2p(bob, P2pSettings.defaults())) {
            theirs.onOffer(offer -> !offer.purpose().equals("file"), channel -> {});
            CompletionException e = assertThrows(CompletionException.class, () -> mine.connect(bob.address(), "file").join());
            assertEquals(403, ((P2pRefused) e.getCause()).retCode());
        }
    }
}
