package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.irsp.verification.boundary.CodeChanged;

/** §10.5 reply bodies: the code only when the IRSP generated it, shown once. */
public final class CodeJson {

    public static JsonObject modified(CodeChanged c) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("deviceId", c.deviceId());
        if (c.generatedCode() != null) {
            b.add("verificationCode", c.generatedCode());
        }
        return b.build();
    }

    public static JsonObject reset(CodeChanged c) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder();
        if (c.generatedCode() != null) {
            b.add("verificationCode", c.generatedCode());
        }
        return b.add("released", c.released()).build();
    }

    private CodeJson() {}
}
