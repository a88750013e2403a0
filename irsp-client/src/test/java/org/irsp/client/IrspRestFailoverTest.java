package org.irsp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client given a cluster's nodes goes on to the next when one cannot be reached, and stays there. */
class IrspRestFailoverTest {

    private HttpServer node;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        node = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        node.createContext("/irsp/api/v1/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"retCode\":200}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
    }

    @AfterEach
    void stop() {
        node.stop(0);
    }

    private URI live() {
        return URI.create("http://127.0.0.1:" + node.getAddress().getPort());
    }

    private static URI gone() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort()); // closed again: connections are refused
        }
    }

    @Test
    void aRefusedNodeIsSkippedAndTheNextOneKept() throws IOException {
        IrspRest rest = new IrspRest(List.of(gone(), live()));
        assertEquals(200, rest.call("GET", "users/x", null, null).retCode());
        assertEquals(live(), rest.server());
        assertEquals(200, rest.call("GET", "users/y", null, null).retCode());
        assertEquals(2, requests.get(), "each request reached the live node once");
    }

    @Test
    void whenNoNodeAnswersTheLastFailureIsThrown() throws IOException {
        IrspRest rest = new IrspRest(List.of(gone(), gone()));
        assertThrows(UncheckedIOException.class, () -> rest.call("GET", "users/x", null, null));
    }
}
