package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.presence.boundary.Discovery;
import org.irsp.protocol.Connection;
import org.irsp.protocol.DiscoveryJson;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import java.util.List;

/** §13.2 StatusQueryRequest {ids: [1..100]}. */
@ApplicationScoped
public class StatusQueryHandler implements FrameHandler {

    @Inject
    Discovery discovery;

    @Override
    public String type() {
        return "StatusQueryRequest";
    }

    @Override
    public String replyType() {
        return "StatusQueryResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        var ids = frame.body().optionalStrings("ids", 100, 1, 200).orElse(List.of());
        return Reply.ok(DiscoveryJson.status(discovery.status(c.bound().entity(), DiscoveryJson.ids(ids, "body.ids"))));
    }
}
