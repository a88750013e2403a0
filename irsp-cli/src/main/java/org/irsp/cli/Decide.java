package org.irsp.cli;

import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** An approver's decision on a pending relationship request (POST /relationship-requests/{requestId}). */
abstract class Decide extends SignedIn {

    @Parameters(paramLabel = "REQUEST", description = "the requestId ('irsp requests' lists them)")
    String requestId;

    abstract String decision();

    @Override
    int run(IrspRest rest, String token) {
        var body = Wire.JSON.createObjectBuilder().add("decision", decision()).build();
        return Out.reply(spec, rest.call("POST", "relationship-requests/" + IrspRest.encode(requestId), body, token), 200);
    }

    @Command(name = "accept", mixinStandardHelpOptions = true, description = "Accepts a relationship request.")
    static final class Accept extends Decide {
        @Override
        String decision() {
            return "accept";
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true, description = "Rejects a relationship request.")
    static final class Reject extends Decide {
        @Override
        String decision() {
            return "reject";
        }
    }
}
