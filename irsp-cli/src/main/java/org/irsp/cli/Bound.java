package org.irsp.cli;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;

/** An account logged in and bound on a WebSocket, heartbeating; closing it logs out. */
final class Bound implements AutoCloseable {

    final IrspRest.Session session;
    final IrspSocket ws;

    private Bound(IrspRest.Session session, IrspSocket ws) {
        this.session = session;
        this.ws = ws;
    }

    static Bound open(Irsp irsp, Account account) {
        IrspRest rest = irsp.rest();
        IrspRest.Session session = account.login(rest);
        IrspSocket ws = IrspSocket.open(irsp.servers, session.token()).autoAck(true);
        JsonObject bind = ws.bind(session.connId());
        if (bind == null) {
            ws.abort();
            throw new IllegalStateException("the IRSP did not answer the bind within 10 s");
        }
        if (bind.getInt("retCode") != 200) {
            ws.close();
            throw new IllegalStateException("bind refused: " + bind);
        }
        int heartbeat = bind.getJsonObject("body").getInt("heartbeatSeconds", 60);
        ws.heartbeatEvery(Duration.ofMillis(heartbeat * 500L));
        return new Bound(session, ws);
    }

    @Override
    public void close() {
        ws.request("LogoutRequest", JsonObject.EMPTY_JSON_OBJECT, Duration.ofSeconds(5));
        ws.close();
    }
}
