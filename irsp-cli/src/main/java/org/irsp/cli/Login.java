package org.irsp.cli;

import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Logs in (password, secret or --challenge) and prints the session: its connId and token serve REST "
                + "calls until it idles out, and may be bound on a WebSocket within a minute.")
final class Login implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Override
    public Integer call() {
        IrspRest.Session s = account.login(irsp.rest());
        Out.print(spec, Wire.JSON.createObjectBuilder().add("id", s.id()).add("connId", s.connId()).add("token", s.token()).build());
        return 0;
    }
}
