package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.irsp.protocol.CloseCode;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import org.irsp.session.boundary.Sessions;

/**
 * §8.6 LogoutRequest → LogoutResponse, then close 1000. The session (and so its token) ends before the
 * reply: a client that has the LogoutResponse can rely on the token being dead.
 */
@ApplicationScoped
public class LogoutHandler implements FrameHandler {

    @Inject Sessions sessions;

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
        sessions.end(c.bound().connId());
        return Reply.ok(JsonObject.EMPTY_JSON_OBJECT, () -> {
            c.closeReason("logout");
            c.close(CloseCode.LOGOUT, "logout");
        });
    }
}
