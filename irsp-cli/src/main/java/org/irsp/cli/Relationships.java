package org.irsp.cli;

import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "relationships", mixinStandardHelpOptions = true, description = "Lists the account's relationships, one a line.")
final class Relationships implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Override
    public Integer call() {
        IrspRest rest = irsp.rest();
        RestReply r = rest.call("GET", "relationships", null, account.login(rest).token());
        return list(spec, r);
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
