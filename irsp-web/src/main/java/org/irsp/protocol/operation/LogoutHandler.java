package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import org.irsp.codes.CloseCode;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;

/** §8.6 LogoutRequest → LogoutResponse, then close 1000; the session ends with the socket. */
@ApplicationScoped
public class LogoutHandler implements FrameHandler {

    @Override
    public String type() {
        return "LogoutRequest";
    }

    @Override
    public String replyType() {
        return "LogoutResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        return Reply.ok(JsonObject.EMPTY_JSON_OBJECT, () -> {
            c.closeReason("logout");
            c.close(CloseCode.LOGOUT, "logout");
        });
    }
}
