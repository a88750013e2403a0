package org.irsp.cli;

import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "requests", mixinStandardHelpOptions = true,
        description = "Lists pending relationship requests, one a line: those awaiting this account's decision, or with "
                + "--outgoing those it made.")
final class Requests implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Option(names = "--outgoing", description = "the requests this account made")
    boolean outgoing;

    @Override
    public Integer call() {
        IrspRest rest = irsp.rest();
        String box = outgoing ? "outgoing" : "incoming";
        return Relationships.list(spec, rest.call("GET", "relationship-requests?box=" + box, null, account.login(rest).token()));
    }
}
