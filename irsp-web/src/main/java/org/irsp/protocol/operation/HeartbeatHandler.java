package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.irsp.codes.Timestamps;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;

/** §8.5 Heartbeat → HeartbeatAck {serverTime}. Liveness itself is recorded for every inbound frame. */
@ApplicationScoped
public class HeartbeatHandler implements FrameHandler {

    @Inject
    Clock clock;

    @Override
    public String type() {
        return "Heartbeat";
    }

    @Override
    public String replyType() {
        return "HeartbeatAck";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        return Reply.ok(Wire.JSON.createObjectBuilder().add("serverTime", Timestamps.format(clock.instant())).build());
    }
}
