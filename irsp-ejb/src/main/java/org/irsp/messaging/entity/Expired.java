package org.irsp.messaging.entity;

import jakarta.json.JsonObject;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Forward;
import org.irsp.push.entity.Legacy;
import org.irsp.push.entity.Push;
import org.irsp.push.entity.Relayed;
import org.irsp.push.entity.ServerPush;
import org.irsp.push.entity.Stored;

/** What §11.5 needs of a stored message that expired: its msgId, its source, and whether it asked for a response. */
public record Expired(String msgId, Endpoint source, boolean needResponse) {

    public static Expired of(Push item) {
        if (item instanceof Stored s && s.message() instanceof Forward f) {
            return new Expired(f.msgId(), f.source(), f.needResponse());
        }
        if (item instanceof Stored s && s.message() instanceof ServerPush p) {
            return new Expired(p.msgId(), Endpoint.irsp(p.system()), false);
        }
        if (item instanceof Stored s && s.message() instanceof Relayed r) {
            return fromFrame(r.frame());
        }
        if (item instanceof Legacy l) {
            return fromFrame(l.partial().getJsonObject("body").getJsonObject("message"));
        }
        throw new IllegalArgumentException("not a stored message: " + item.getClass().getSimpleName());
    }

    private static Expired fromFrame(JsonObject message) {
        JsonObject source = message.getJsonObject("source");
        return new Expired(message.getString("msgId"),
                new Endpoint(source.getString("type"), source.getString("id", null), null),
                message.getBoolean("needResponse", false));
    }
}
