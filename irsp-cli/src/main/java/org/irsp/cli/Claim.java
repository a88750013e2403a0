package org.irsp.cli;

import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "claim", mixinStandardHelpOptions = true,
        description = "A user claims a device with its verification code: the first claim makes the user its owner.")
final class Claim implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Parameters(index = "0", paramLabel = "DEVICE", description = "the deviceId")
    String deviceId;

    @Parameters(index = "1", paramLabel = "CODE", description = "the device's verification code")
    String code;

    @Override
    public Integer call() {
        IrspRest rest = irsp.rest();
        IrspRest.Session s = account.login(rest);
        var body = Wire.JSON.createObjectBuilder().add("kind", "user-device").add("target", Json.address("device:" + deviceId))
                .add("verificationCode", code).build();
        return Out.reply(spec, rest.call("POST", "relationships", body, s.token()), 200, 202);
    }
}
