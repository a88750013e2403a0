package org.irsp.cli;

import jakarta.json.JsonObject;
import java.util.Arrays;
import org.irsp.client.RestReply;
import picocli.CommandLine.Model.CommandSpec;

/** A command's output: one JSON object a line on standard output. */
final class Out {

    /** Prints the reply; 0 if its retCode is one of {@code done}, else 1. */
    static int reply(CommandSpec spec, RestReply r, int... done) {
        return line(spec, r.body(), r.retCode(), done);
    }

    static int line(CommandSpec spec, JsonObject json, int retCode, int... done) {
        print(spec, json);
        return Arrays.stream(done).anyMatch(c -> c == retCode) ? 0 : 1;
    }

    static synchronized void print(CommandSpec spec, JsonObject json) {
        spec.commandLine().getOut().println(json);
        spec.commandLine().getOut().flush();
    }

    private Out() {}
}
