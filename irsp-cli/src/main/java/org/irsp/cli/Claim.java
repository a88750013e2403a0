package org.irsp.cli;

import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "claim", mixinStandardHelpOptions = true,
        description = "A user claims a device with its verification code: the first claim makes the user its owner.")
final class Claim extends SignedIn {

    @Parameters(index = "0", paramLabel = "DEVICE", description = "the deviceId")
    String deviceId;

    @Parameters(index = "1", paramLabel = "CODE", description = "the device's verification code")
    String code;

    @Override
    int run(IrspRest rest, String token) {
        var body = Wire.JSON.createObjectBuilder().add("kind", "user-device").add("target", Json.address("device:" + deviceId))
                .add("verificationCode", code).build();
        return Out.reply(spec, rest.call("POST", "relationships", body, token), 200, 202);
    }
}
