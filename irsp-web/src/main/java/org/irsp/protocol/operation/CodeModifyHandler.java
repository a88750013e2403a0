package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.protocol.CodeJson;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import org.irsp.protocol.RightsJson;
import org.irsp.verification.boundary.VerificationCodes;

/** §10.5 VerificationCodeModifyRequest {deviceId, newCode?}. */
@ApplicationScoped
public class CodeModifyHandler implements FrameHandler {

    @Inject
    VerificationCodes codes;

    @Override
    public String type() {
        return "VerificationCodeModifyRequest";
    }

    @Override
    public String replyType() {
        return "VerificationCodeModifyResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        var device = RightsJson.device(frame.body());
        String newCode = frame.body().optionalString("newCode", 1, 64).orElse(null);
        return Reply.ok(CodeJson.modified(codes.modify(c.bound().entity(), device, newCode)));
    }
}
