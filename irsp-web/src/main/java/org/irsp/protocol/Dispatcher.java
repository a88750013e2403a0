package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.codes.CloseCode;
import org.irsp.codes.IrspException;
import org.irsp.codes.JsonInput;
import org.irsp.codes.RetCode;
import org.irsp.messaging.control.DuplicateWindow;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJBException;
import java.util.concurrent.CompletionException;

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
     * Runs the pipeline for one frame. Whatever goes wrong unexpectedly is logged once and answered with
     * Ack 500 to this frame only: the connection goes on.
     */
    public void onText(Connection c, String text) {
        try {
            pipeline(c, text);
        } catch (RuntimeException | Error unexpected) {
            ack(c, null, toIrsp(unexpected));
        }
    }

    private void pipeline(Connection c, String text) {
        boolean hadToken = c.arrived();
        JsonObject json = objectOrNull(text);
        String msgIdIfAny = json != null && json.get("msgId") instanceof JsonString s ? s.getString() : null;
        if (JsonInput.utf8Length(text) > maxFrameBytes) {                                            // 3
            ack(c, msgIdIfAny, new IrspException(RetCode.TOO_LARGE, "frame too large"));
            return;
        }
        if (json == null) {                                                                          // 4
            ack(c, null, IrspException.badField("$", "not a JSON object of at most " + JsonInput.MAX_DEPTH + " nested levels"));
            return;
        }
        JsonValue v = json.get("v");
        if (v != null && v != JsonValue.NULL && (!(v instanceof JsonString vs) || !vs.getString().matches("1(\\.\\d+)?"))) {
            ack(c, msgIdIfAny, new IrspException(RetCode.VERSION, "unsupported version",                // 5
                    Map.of("supported", List.of(Frames.V))));
            return;
        }
        Optional<IrspException> envelopeError = envelopeError(text, json);
        if (envelopeError.isPresent()) {                                                             // 6
            ack(c, msgIdIfAny, envelopeError.get());
            return;
        }
        Envelope frame = new Envelope(((JsonString) json.get("type")).getString(), msgIdIfAny, json);
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
        String replyType = handler.replyType();
        boolean dedup = c.isBound() && !FrameTypes.NOT_DEDUPLICATED.contains(frame.type());
        String entityKey = dedup ? c.bound().entity().key() : null;
        if (dedup) {                                                                                 // 10
            Optional<DuplicateWindow.Outcome> earlier = duplicates.claim(entityKey, frame.msgId());
            if (earlier.isPresent()) {
                c.send(duplicateAck(c, frame.msgId(), earlier.get()));
                return;
            }
        }
        int sentCode;                                                                                // 11
        JsonObject sentBody = null;
        Runnable then = () -> {};
        String reply;
        try {
            checkControlTargets(frame);
            Reply r = handler.handle(c, frame);
            if (r == null) {
                return;
            }
            sentCode = r.code().code();
            sentBody = r.body();
            then = r.then();
            if (r.type() != null) {
                replyType = r.type();
            }
            reply = Frames.reply(replyType, frame.msgId(), r.code(), r.body(), c);
        } catch (RuntimeException | Error thrown) {
            IrspException e = toIrsp(thrown);
            sentCode = e.retCode().code();
            reply = Frames.error(replyType, frame.msgId(), e, c);
            if (handler instanceof FailureAware f) {
                then = () -> f.failed(c, e);
            }
        }
        if (dedup) {
            duplicates.settle(entityKey, frame.msgId(), replyType, sentCode, sentBody);
        }
        c.send(reply);
        then.run();
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
        JsonObject withBody = Wire.JSON.createObjectBuilder(Wire.JSON.createReader(new StringReader(ack)).readObject())
                .add("body", earlier.body()).build();
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

    /** Step 6: type and msgId, then every name and string of the frame well-formed (a lone surrogate names its field). */
    private static Optional<IrspException> envelopeError(String text, JsonObject json) {
        if (!(json.get("type") instanceof JsonString t) || t.getString().isEmpty()) {
            return Optional.of(IrspException.badField("type", "type is mandatory"));
        }
        if (!(json.get("msgId") instanceof JsonString m) || !m.getString().matches("[\\x21-\\x7E]{1,64}")) {
            return Optional.of(IrspException.badField("msgId", "msgId must be 1-64 printable ASCII characters"));
        }
        try {
            JsonInput.requireWellFormed(text, json);
            return Optional.empty();
        } catch (IrspException malformed) {
            return Optional.of(malformed);
        }
    }

    private void ack(Connection c, String respTo, IrspException e) {
        c.send(Frames.error("Ack", respTo, e, c));
    }

    static IrspException toIrsp(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof EJBException || t instanceof CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof IrspException e) {
            return e;
        }
        LOG.log(Level.SEVERE, "internal error while processing a frame", t);
        return new IrspException(RetCode.INTERNAL, "internal error");
    }

    private static JsonObject objectOrNull(String text) {
        try {
            return JsonInput.parseObject(text);
        } catch (IrspException notAnObject) {
            return null;
        }
    }
}
