package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import org.irsp.protocol.RightsJson;
import org.irsp.rights.boundary.DeviceRights;

/** §9.2 DeviceAccessRightsQueryRequest {deviceId}. */
@ApplicationScoped
public class RightsQueryHandler implements FrameHandler {

    @Inject
    DeviceRights rights;

    @Override
    public String type() {
        return "DeviceAccessRightsQueryRequest";
    }

    @Override
    public String replyType() {
        return "DeviceAccessRightsQueryResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        return Reply.ok(RightsJson.view(rights.query(c.bound().entity(), RightsJson.device(frame.body()))));
    }
}
