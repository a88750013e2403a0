package org.irsp.cli;

import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "befriend", mixinStandardHelpOptions = true,
        description = "Asks another user for a friendship (user-user): 200 if their policy accepts it at once, 202 while it "
                + "waits for their 'irsp accept'.")
final class Befriend extends SignedIn {

    @Parameters(paramLabel = "USER", description = "the other user's ID")
    String friend;

    @Override
    int run(IrspRest rest, String token) {
        var body = Wire.JSON.createObjectBuilder().add("kind", "user-user").add("target", Json.address("user:" + friend)).build();
        return Out.reply(spec, rest.call("POST", "relationships", body, token), 200, 202);
    }
}
