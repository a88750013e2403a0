package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.Failures;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.push.entity.P2PAnswer;
import org.irsp.messaging.control.DuplicateWindow;
import jakarta.annotation.PostConstruct;

/**
 * The §6.5 pipeline for client frames, steps 3–11 in order (1 and 2 are the endpoint's), and the one
 * place where the WebSocket binding turns exceptions into RetCodes.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject @Any Instance<FrameHandler> handlerBeans;
    @Inject DuplicateWindow duplicates;

    @Inject
    @ConfigProperty(name = "irsp.ws.maxFrameBytes", defaultValue = "65536")
    int maxFrameBytes;

    private final Map<String, FrameHandler> handlers = new HashMap<>();

    @PostConstruct
    void index() {
        handlerBeans.forEach(h -> handlers.put(h.type(), h));
        if (!handlers.keySet().containsAll(FrameTypes.FROM_CLIENT)) {
            throw new IllegalStateException("client frame types without a handler: "
                    + FrameTypes.FROM_CLIENT.stream().filter(t -> !handlers.containsKey(t)).toList());
        }
    }

    /**
     * Runs the pipeline for one frame of {@code utf8Bytes} bytes. Whatever goes wrong unexpectedly is logged once and answered with
     * Ack 500 to this frame only: the connection goes on.
     */
    public void onText(Connection c, String text, long utf8Bytes) {
        try {
            pipeline(c, text, utf8Bytes);
        } catch (RuntimeException | Error unexpected) {
            ack(c, null, toIrsp(unexpected));
        }
    }

    private void pipeline(Connection c, String text, long utf8Bytes) {
        boolean hadToken = c.arrived();
        FrameDecoder.Decoded decoded = FrameDecoder.decode(text, utf8Bytes, maxFrameBytes);         // 3-6
        if (decoded.refusal() != null) {
            ack(c, decoded.respTo(), decoded.refusal());
            return;
        }
        Envelope frame = decoded.frame();
        if (!c.isBound() && !frame.type().equals("ConnectionIdBindRequest")) {                         // 7
            ack(c, frame.msgId(), new IrspException(RetCode.METHOD_NOT_ALLOWED, "bind first"));
            c.close(CloseCode.NOT_BOUND, null);
            return;
        }
        if (!hadToken) {                                                                             // 8
            ack(c, frame.msgId(), IrspException.retryAfter(RetCode.RATE_LIMITED, 1, "rate limit"));
            return;
        }
        if (!FrameTypes.FROM_CLIENT.contains(frame.type())) {                                        // 9
            ack(c, frame.msgId(), IrspException.badField("type", "unknown or IRSP-only type"));
            return;
        }
        process(c, frame);
    }

    private void process(Connection c, Envelope frame) {
        FrameHandler handler = handlers.get(frame.type());
        boolean dedup = c.isBound() && !FrameTypes.NOT_DEDUPLICATED.contains(frame.type());
        String entityKey = dedup ? c.bound().entity().key() : null;
        if (dedup) {                                                                                 // 10
            Optional<DuplicateWindow.Outcome> earlier = duplicates.claim(entityKey, frame.msgId());
            if (earlier.isPresent()) {
                c.send(duplicateAck(c, frame.msgId(), earlier.get()));
                return;
            }
        }
        Reply r;                                                                                     // 11
        try {
            checkControlTargets(frame);
            r = handler.handle(c, frame);
        } catch (RuntimeException | Error thrown) {
            finish(c, frame, handler, entityKey, null, thrown);
            return;
        }
        if (r != null && r.later() != null) {
            r.later().whenComplete((reply, thrown) -> finish(c, frame, handler, entityKey, reply, thrown));
        } else {
            finish(c, frame, handler, entityKey, r, null);
        }
    }

    /**
     * Sends the frame's one reply (none for a null reply and no failure), settles its msgId in the
     * duplicate window ({@code entityKey} null: not deduplicated) and runs what was to follow the reply.
     */
    private void finish(Connection c, Envelope frame, FrameHandler handler, String entityKey, Reply r, Throwable thrown) {
        String replyType = handler.replyType();
        int sentCode;
        JsonObject sentBody = null;
        Runnable then = () -> {};
        String reply;
        if (thrown == null && r == null) {
            return;
        }
        if (thrown == null) {
            sentCode = r.code().code();
            sentBody = r.body();
            then = r.then();
            if (r.type() != null) {
                replyType = r.type();
            }
            reply = Frames.reply(replyType, frame.msgId(), r.code(), r.body(), c);
        } else {
            IrspException e = toIrsp(thrown);
            sentCode = e.retCode().code();
            reply = Frames.error(replyType, frame.msgId(), e, c);
            if (handler instanceof FailureAware f) {
                then = () -> f.failed(c, e);
            }
        }
        if (entityKey != null) {
            duplicates.settle(entityKey, frame.msgId(), replyType, sentCode, sentBody);
        }
        c.send(reply);
        try {
            then.run();
        } catch (RuntimeException | Error failed) {
            // the frame has its one reply already; what was to follow it is logged, the connection goes on
            LOG.log(Level.SEVERE, "failed after replying to a " + frame.type(), failed);
        }
    }

    private String duplicateAck(Connection c, String msgId, DuplicateWindow.Outcome earlier) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (!earlier.pending()) {
            details.put("originalType", earlier.type());
            details.put("originalRetCode", earlier.retCode());
        }
        String ack = Frames.error("Ack", msgId, new IrspException(RetCode.CONFLICT, "duplicate msgId", details), c);
        if (earlier.body() == null) {
            return ack;
        }
        JsonObject body = earlier.body() instanceof P2PAnswer answer ? PushFrames.p2pAnswerBody(answer) : (JsonObject) earlier.body();
        JsonObject withBody = Wire.JSON.createObjectBuilder(Wire.JSON.createReader(new StringReader(ack)).readObject())
                .add("body", body).build();
        return withBody.toString();
    }

    private static void checkControlTargets(Envelope frame) {
        if (FrameTypes.ROUTED.contains(frame.type()) || !frame.fields().has("targets")) {
            return;
        }
        if (!(frame.json().get("targets") instanceof JsonArray a) || a.size() != 1
                || !(a.get(0) instanceof JsonObject t) || !"irsp".equals(t.getString("type", null)) || t.size() != 1) {
            throw IrspException.badField("targets", "control requests may only target [{\"type\":\"irsp\"}]");
        }
    }

    private void ack(Connection c, String respTo, IrspException e) {
        c.send(Frames.error("Ack", respTo, e, c));
    }

    static IrspException toIrsp(Throwable thrown) {
        return Failures.known(thrown).orElseGet(() -> {
            LOG.log(Level.SEVERE, "internal error while processing a frame", Failures.unwrap(thrown));
            return new IrspException(RetCode.INTERNAL, "internal error");
        });
    }
}
