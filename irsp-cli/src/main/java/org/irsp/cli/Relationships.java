package org.irsp.cli;

import jakarta.json.JsonObject;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "relationships", mixinStandardHelpOptions = true, description = "Lists the account's relationships, one a line.")
final class Relationships extends SignedIn {

    @Override
    int run(IrspRest rest, String token) {
        return list(spec, rest.call("GET", "relationships", null, token));
    }

    /** Prints each of the reply's items, or the reply itself when it is a refusal. */
    static int list(CommandSpec spec, RestReply r) {
        if (r.retCode() != 200 || !r.body().containsKey("items")) {
            return Out.reply(spec, r, 200);
        }
        r.body().getJsonArray("items").getValuesAs(JsonObject.class).forEach(item -> Out.print(spec, item));
        return 0;
    }
}
