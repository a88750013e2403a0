package org.irsp.cli;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends a DataMessage and prints the IRSP's answer (Ack or MultiAck); with --wait, then the response.",
                "Exit 0 when it was delivered (200) or stored (202) and, with --wait, the response's retCode is 200."})
final class Send implements Callable<Integer> {

    @ParentCommand Irsp irsp;
    @Spec CommandSpec spec;
    @Mixin Account account;

    @Parameters(index = "0", paramLabel = "TARGET", split = ",",
            description = "user:ID, device:ID or irsp; several, comma-separated, for one message to many")
    List<String> targets;

    @Parameters(index = "1", paramLabel = "BODY", description = "the body, a JSON object; to a device it names the op: "
            + "'{\"op\":\"control\",\"power\":\"on\"}' (op read, control, event or other)")
    String body;

    @Option(names = "--wait", description = "ask for a response (needResponse) and wait for it")
    boolean waitForResponse;

    @Option(names = "--offline", description = "store it while the target is offline; guaranteed to an online one (delivery offline)")
    boolean offline;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "how long to wait for answers (default: ${DEFAULT-VALUE})")
    long timeout;

    @Override
    public Integer call() throws Exception {
        var to = Wire.JSON.createArrayBuilder();
        targets.forEach(t -> to.add(Json.address(t)));
        var frame = Wire.JSON.createObjectBuilder().add("type", "DataMessage").add("msgId", UUID.randomUUID().toString())
                .add("targets", to).add("body", Json.object(body, "BODY")).add("needResponse", waitForResponse);
        if (offline) {
            frame.add("delivery", "offline");
        }
        try (Bound me = Bound.open(irsp, account)) {
            JsonObject answer = me.ws.call(frame).get(timeout, TimeUnit.SECONDS);
            Out.print(spec, answer);
            int code = answer.getInt("retCode");
            if (!waitForResponse || "Ack".equals(answer.getString("type"))) {
                return code == 200 || code == 202 ? 0 : 1;
            }
            int awaited = awaited(answer);
            boolean allAnswered200 = "MultiAck".equals(answer.getString("type")) || code == 200;
            for (int i = 0; i < awaited; i++) {
                JsonObject response = me.ws.next("DataMessageResponse", Duration.ofSeconds(timeout));
                if (response == null) {
                    throw new TimeoutException();
                }
                Out.print(spec, response);
                allAnswered200 &= response.getInt("retCode") == 200;
            }
            return allAnswered200 ? 0 : 1;
        }
    }

    /**
     * How many more DataMessageResponses answer the message: one after an interim 202 (stored: the target's
     * response comes once it is back), one per delivered target after a MultiAck, none after a final response.
     */
    private static int awaited(JsonObject answer) {
        if ("MultiAck".equals(answer.getString("type"))) {
            return (int) answer.getJsonObject("body").getJsonArray("results").getValuesAs(JsonObject.class).stream()
                    .filter(r -> r.getInt("retCode") == 200).count();
        }
        return answer.getInt("retCode") == 202 ? 1 : 0;
    }
}
