package org.irsp.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code irsp} command: an IRSP's accounts, relationships, rights, messages, pushes and P2P channels from
 * a shell. Each command logs in, does its one thing and logs out; output is one JSON object a line (replies,
 * frames, list items), so it reads as text and pipes into {@code jq}. Exit status 0 when the IRSP said yes,
 * 1 when it said no (the reply is printed), 2 for a command line it cannot run, 3 when the IRSP cannot be reached.
 */
@Command(name = "irsp", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Talks to an IRSP server: accounts, relationships, rights, messages, pushes, P2P.",
        footer = {"", "Environment: IRSP_SERVER (for --server), IRSP_PASSWORD (--password), IRSP_SECRET (--secret).",
                "Run 'irsp help COMMAND' for a command's options."},
        subcommands = {HelpCommand.class, RegisterUser.class, RegisterDevice.class, Login.class, Claim.class, Befriend.class,
                Relationships.class, Requests.class, Decide.Accept.class, Decide.Reject.class, Rights.class, Send.class,
                Listen.class, Push.class, Check.class, P2pCommands.Listen.class, P2pCommands.Connect.class})
public final class Irsp implements Callable<Integer> {

    @Option(names = "--server", split = ",", paramLabel = "URL", defaultValue = "${env:IRSP_SERVER:-http://127.0.0.1:8080}",
            description = "the IRSP's HTTP(S) address; several, comma-separated, for a cluster (the next is tried when one "
                    + "refuses the connection). Default: ${DEFAULT-VALUE}")
    List<URI> servers;

    public static void main(String[] args) {
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** The command line writing to {@code out} and {@code err}, as {@code main} runs it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(new Irsp());
        line.setOut(out).setErr(err).setExecutionExceptionHandler(new Failure()).setCaseInsensitiveEnumValuesAllowed(true);
        return line;
    }

    @Spec CommandSpec spec;

    /** No command: what there is, and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    IrspRest rest() {
        return new IrspRest(servers);
    }

    URI server() {
        return servers.get(0);
    }
}
