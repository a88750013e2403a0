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

@Command(name = "befriend", mixinStandardHelpOptions = true,
        description = "Asks another user for a friendship (user-user): 200 if their policy accepts it at once, 202 while it "
                + "waits for their 'irsp accept'.")
final class Befriend implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Parameters(paramLabel = "USER", description = "the other user's ID")
    String friend;

    @Override
    public Integer call() {
        IrspRest rest = irsp.rest();
        IrspRest.Session s = account.login(rest);
        var body = Wire.JSON.createObjectBuilder().add("kind", "user-user").add("target", Json.address("user:" + friend)).build();
        return Out.reply(spec, rest.call("POST", "relationships", body, s.token()), 200, 202);
    }
}
