package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.presence.boundary.Discovery;
import org.irsp.protocol.Connection;
import org.irsp.protocol.DiscoveryJson;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;

/** §13.1 SearchRequest. */
@ApplicationScoped
public class SearchHandler implements FrameHandler {

    @Inject
    Discovery discovery;

    @Override
    public String type() {
        return "SearchRequest";
    }

    @Override
    public String replyType() {
        return "SearchResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        var query = DiscoveryJson.search(frame.body());
        return Reply.ok(DiscoveryJson.page(discovery.search(c.bound().entity(), query), query));
    }
}
