package org.irsp.protocol.operation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.irsp.protocol.CodeJson;
import org.irsp.protocol.Connection;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.Reply;
import org.irsp.verification.boundary.VerificationCodes;

/** §10.5 DeviceVerificationCodeResetRequest {newCode?, releaseAll?}: a device resets its own code. */
@ApplicationScoped
public class CodeResetHandler implements FrameHandler {

    @Inject
    VerificationCodes codes;

    @Override
    public String type() {
        return "DeviceVerificationCodeResetRequest";
    }

    @Override
    public String replyType() {
        return "DeviceVerificationCodeResetResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        String newCode = frame.body().optionalString("newCode", 1, 64).orElse(null);
        boolean releaseAll = frame.body().optionalBoolean("releaseAll").orElse(false);
        return Reply.ok(CodeJson.reset(codes.reset(c.bound().entity(), newCode, releaseAll)));
    }
}
