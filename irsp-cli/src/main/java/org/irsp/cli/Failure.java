package org.irsp.cli;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.irsp.client.IrspRest;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** What went wrong, as one line that says what to do; never a stack trace. */
final class Failure implements IExecutionExceptionHandler {

    /** The IRSP cannot be reached. */
    static final int UNREACHABLE = 3;

    @Override
    public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
        Throwable cause = unwrap(e);
        String server = String.valueOf(((Irsp) line.getCommandSpec().root().userObject()).servers);
        if (cause instanceof IrspRest.Refused r) {
            line.getErr().println("irsp: " + r.summary() + hint(r.reply().retCode()));
            return 1;
        }
        if (cause instanceof UncheckedIOException io && (io.getCause() instanceof ConnectException || io.getCause() instanceof HttpConnectTimeoutException)
                || cause instanceof ConnectException) {
            line.getErr().println("irsp: cannot connect to " + server + ": is the server running? (--server or IRSP_SERVER)");
            return UNREACHABLE;
        }
        if (cause instanceof jakarta.jms.JMSRuntimeException || cause instanceof jakarta.jms.JMSException) {
            line.getErr().println("irsp: the broker cannot be reached or refused (--broker): " + cause.getMessage());
            return UNREACHABLE;
        }
        if (cause instanceof TimeoutException) {
            line.getErr().println("irsp: no answer in time from " + server + " (--timeout to wait longer)");
            return 1;
        }
        if (cause instanceof Usage u) {
            line.getErr().println("irsp: " + u.getMessage());
            return 2;
        }
        line.getErr().println("irsp: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
        return 1;
    }

    private static String hint(int retCode) {
        return switch (retCode) {
            case 401 -> ": check the ID and --password / --secret";
            case 404 -> ": no such account, device or request (check the ID)";
            case 429 -> ": too many attempts, wait the seconds it names and try again";
            case 403 -> ": not allowed (relationship, rights or a wrong code)";
            default -> "";
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** A command line that parses but cannot be run (a missing credential, a target that is no address). */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
