package org.irsp.cli;

import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that acts as an account over REST: its options are checked, it logs in, then it calls with the token. */
abstract class SignedIn implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Override
    public final Integer call() {
        check();
        IrspRest rest = irsp.rest();
        return run(rest, account.login(rest).token());
    }

    /** Refuses a wrong combination of options before anything is sent. */
    void check() {}

    /** The command's calls, with the session's token; returns the exit status. */
    abstract int run(IrspRest rest, String token);
}
