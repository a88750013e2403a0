package org.irsp.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.JsonInput;
import org.irsp.nat.entity.Candidate;
import java.io.IOException;
import org.irsp.telemetry.control.Meters;

/**
 * The §6 WebSocket at {@code /irsp/ws}: steps 1–2 of §6.5 here, everything else in the dispatcher. One
 * instance serves every connection ({@link Handshake#getEndpointInstance}), so it keeps no state.
 */
@ApplicationScoped
@ServerEndpoint(value = "/ws", subprotocols = Handshake.SUBPROTOCOL, configurator = Handshake.class)
public class ProtocolEndpoint {

    private static final Logger LOG = Logger.getLogger(ProtocolEndpoint.class.getName());

    @Inject Dispatcher dispatcher;
    @Inject ConnectionRegistry registry;
    @Inject IdleTimers idleTimers;
    @Inject Meters meters;

    @Inject
    @ConfigProperty(name = "irsp.ws.hardMaxFrameBytes", defaultValue = "1048576")
    int hardMaxFrameBytes;

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        idleTimers.adopt(session);
        // WebSocket 2.1: the session's properties are its own copy of what modifyHandshake left
        String token = (String) session.getUserProperties().get(Handshake.TOKEN);
        Connection c = registry.opened(session, token, (Candidate) session.getUserProperties().get(Handshake.OBSERVED));
        if (session.getNegotiatedSubprotocol() == null || session.getNegotiatedSubprotocol().isEmpty()) {
            c.close(CloseCode.SUBPROTOCOL, null);
            return;
        }
        session.setMaxTextMessageBufferSize(hardMaxFrameBytes);
        session.setMaxBinaryMessageBufferSize(hardMaxFrameBytes);
    }

    @OnMessage
    public void text(Session session, String text) {
        Connection c = registry.of(session);
        if (c == null) {
            return;
        }
        long bytes = JsonInput.utf8Length(text);
        meters.frameReceived(bytes);
        // §6.5 step 2 for every frame: the container enforces its buffer only on fragmented messages
        if (bytes > hardMaxFrameBytes) {
            c.close(CloseCode.FRAME_TOO_BIG, null);
            return;
        }
        dispatcher.onText(c, text, bytes);
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        Connection c = registry.of(session);
        if (c != null) {
            c.close(CloseCode.BINARY_FRAME, null);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        registry.closed(session);
    }

    @OnError
    public void error(Session session, Throwable t) {
        if (t instanceof IOException) {
            LOG.log(Level.FINE, "WebSocket I/O error: {0}", t.toString());
        } else {
            LOG.log(Level.WARNING, "WebSocket error", t);
        }
    }
}
