package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.codes.IrspException;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import org.irsp.protocol.RightsJson;
import org.irsp.rights.boundary.DeviceRights;

/** §9.2 DeviceAccessRightsConfigRequest: replaces a device's rights configuration. */
@ApplicationScoped
public class RightsConfigHandler implements FrameHandler {

    @Inject
    DeviceRights rights;

    @Override
    public String type() {
        return "DeviceAccessRightsConfigRequest";
    }

    @Override
    public String replyType() {
        return "DeviceAccessRightsConfigResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        var device = RightsJson.device(frame.body());
        var config = RightsJson.config(frame.body());
        try {
            return Reply.ok(RightsJson.view(rights.configure(c.bound().entity(), device, config)));
        } catch (IrspException refused) {
            throw refused.underField("body");
        }
    }
}
