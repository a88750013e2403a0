package org.irsp.cli;

import org.irsp.client.IrspRest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "requests", mixinStandardHelpOptions = true,
        description = "Lists pending relationship requests, one a line: those awaiting this account's decision, or with "
                + "--outgoing those it made.")
final class Requests extends SignedIn {

    @Option(names = "--outgoing", description = "the requests this account made")
    boolean outgoing;

    @Override
    int run(IrspRest rest, String token) {
        String box = outgoing ? "outgoing" : "incoming";
        return Relationships.list(spec, rest.call("GET", "relationship-requests?box=" + box, null, token));
    }
}
