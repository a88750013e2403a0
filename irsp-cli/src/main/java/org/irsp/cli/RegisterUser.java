package org.irsp.cli;

import java.util.concurrent.Callable;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "register-user", mixinStandardHelpOptions = true, description = "Registers a user (POST /users).")
final class RegisterUser implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "the userId")
    String id;

    @Option(names = "--password", defaultValue = "${env:IRSP_PASSWORD}",
            description = "8-128 characters of at least two kinds (default: IRSP_PASSWORD)")
    String password;

    @Option(names = "--accept-policy", defaultValue = "approval", description = "approval (default) or acceptAll: "
            + "whether relationship requests to this user wait for approval")
    String acceptPolicy;

    @Option(names = "--nickname", description = "a display name")
    String nickname;

    @Override
    public Integer call() {
        if (password == null || password.isEmpty()) {
            throw new Failure.Usage("missing --password (or IRSP_PASSWORD)");
        }
        var body = Wire.JSON.createObjectBuilder().add("userId", id).add("password", password).add("acceptPolicy", acceptPolicy);
        if (nickname != null) {
            body.add("nickname", nickname);
        }
        return Out.reply(spec, irsp.rest().post("users", body.build()), 200);
    }
}
