package org.irsp.cli;

import java.util.concurrent.Callable;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "register-device", mixinStandardHelpOptions = true,
        description = "Registers a device (POST /devices); prints its verification code, which its owner claims it with.")
final class RegisterDevice implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the deviceId, e.g. urn:IGRS:Device:DeviceId:lamp-1")
    String id;

    @Option(names = "--secret", defaultValue = "${env:IRSP_SECRET}",
            description = "16-128 characters (default: IRSP_SECRET)")
    String secret;

    @Option(names = "--code", description = "the verification code (8 characters); the IRSP makes one when absent")
    String code;

    @Option(names = "--device-type", defaultValue = "urn:IGRS:DeviceType:Generic:1", description = "default: ${DEFAULT-VALUE}")
    String deviceType;

    @Option(names = "--manufacturer", defaultValue = "unknown", description = "default: ${DEFAULT-VALUE}")
    String manufacturer;

    @Option(names = "--model", defaultValue = "unknown", description = "default: ${DEFAULT-VALUE}")
    String model;

    @Option(names = "--name", description = "a friendly name")
    String name;

    @Override
    public Integer call() {
        if (secret == null || secret.isEmpty()) {
            throw new Failure.Usage("missing --secret (or IRSP_SECRET)");
        }
        var body = Wire.JSON.createObjectBuilder().add("deviceId", id).add("secret", secret).add("deviceType", deviceType)
                .add("manufacturer", manufacturer).add("model", model);
        if (code != null) {
            body.add("verificationCode", code);
        }
        if (name != null) {
            body.add("name", name);
        }
        return Out.reply(spec, irsp.rest().post("devices", body.build()), 200);
    }
}
