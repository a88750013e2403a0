package org.irsp.cli;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Binds and prints every frame it receives, one a line, acking what must be acked, until --seconds "
                + "or --count run out, the IRSP closes the connection, or it is interrupted.",
                "With --respond it answers every request (a message with needResponse, also one stored while it was offline) "
                        + "with that body: a device answering its users from a shell."})
final class Listen implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Option(names = "--respond", paramLabel = "BODY", description = "answer each request with this JSON object, retCode 200")
    String respond;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0, the default: no limit)")
    long seconds;

    @Option(names = "--count", defaultValue = "0", description = "stop after this many messages and pushes (0, the default: no limit)")
    int count;

    @Override
    public Integer call() {
        JsonObject answer = respond == null ? null : Json.object(respond, "--respond");
        AtomicInteger received = new AtomicInteger();
        try (Bound me = Bound.open(irsp, account)) {
            me.ws.onFrame(frame -> {
                Out.print(spec, frame);
                JsonObject message = "OfflineMessageDelivery".equals(frame.getString("type", null))
                        ? frame.getJsonObject("body").getJsonObject("message") : frame;
                String type = message.getString("type", "");
                if (answer != null && "DataMessage".equals(type) && message.getBoolean("needResponse", false)) {
                    me.ws.send(response(message, answer));
                }
                if (type.equals("DataMessage") || type.equals("ServerPushNotify")) {
                    received.incrementAndGet();
                }
            });
            spec.commandLine().getErr().println("listening as " + me.session.id() + " (connId " + me.session.connId() + ")");
            long deadline = seconds == 0 ? Long.MAX_VALUE : System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            while (count == 0 || received.get() < count) {
                if (System.nanoTime() - deadline >= 0) {
                    return 0;
                }
                Integer closed = me.ws.closeCode(Duration.ofMillis(200));
                if (closed != null) {
                    spec.commandLine().getErr().println("irsp: the IRSP closed the connection (" + closed + ")");
                    return 1;
                }
            }
            return 0;
        }
    }

    private static jakarta.json.JsonObjectBuilder response(JsonObject request, JsonObject body) {
        return Wire.JSON.createObjectBuilder().add("type", "DataMessageResponse").add("msgId", UUID.randomUUID().toString())
                .add("respTo", request.getString("msgId")).add("retCode", 200)
                .add("targets", Wire.JSON.createArrayBuilder().add(request.getJsonObject("source"))).add("body", body);
    }
}
