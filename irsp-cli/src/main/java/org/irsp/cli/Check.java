package org.irsp.cli;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "A smoke test: logs in, binds, heartbeats and logs out, printing each step; exit 0 when all passed.")
final class Check implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Override
    public Integer call() {
        IrspRest.Session session = account.login(irsp.rest());
        say("LOGGED IN " + session.connId());
        try (IrspSocket ws = IrspSocket.open(irsp.servers, session.token())) {
            JsonObject bind = ws.bind(session.connId());
            say("BOUND " + (bind == null ? "no answer" : bind.getInt("retCode")));
            int beat = code(ws.request("Heartbeat", JsonObject.EMPTY_JSON_OBJECT, Duration.ofSeconds(10)));
            say("HEARTBEAT " + beat);
            int logout = code(ws.request("LogoutRequest", JsonObject.EMPTY_JSON_OBJECT, Duration.ofSeconds(10)));
            say("LOGOUT " + logout);
            return bind != null && bind.getInt("retCode") == 200 && beat == 200 && logout == 200 ? 0 : 1;
        }
    }

    private static int code(JsonObject reply) {
        return reply == null ? 0 : reply.getInt("retCode");
    }

    private void say(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }
}
