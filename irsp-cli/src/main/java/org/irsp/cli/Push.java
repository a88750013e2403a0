package org.irsp.cli;

import jakarta.jms.JMSContext;
import jakarta.jms.TemporaryQueue;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Sends a ServerPushNotify as an enterprise system does: a JMS message to the IRSP's queue "
                + "irsp.push.inbound on its broker. Prints the IRSP's MultiAck; exit 0 when every target got it (200) "
                + "or it was stored (202)."})
final class Push implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--broker", paramLabel = "URL", defaultValue = "${env:IRSP_BROKER:-tcp://127.0.0.1:61616}",
            description = "the broker's CORE address; (tcp://a:61616,tcp://b:61616) for a primary/backup pair (default: ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--broker-user", description = "when the broker requires a login")
    String brokerUser;

    @Option(names = "--broker-password", defaultValue = "${env:IRSP_BROKER_PASSWORD}", description = "(default: IRSP_BROKER_PASSWORD)")
    String brokerPassword;

    @Option(names = "--source", defaultValue = "cli", description = "who pushes (source.id; msgIds are unique per source): ${DEFAULT-VALUE}")
    String source;

    @Parameters(index = "0", paramLabel = "TARGET", split = ",", description = "user:ID or device:ID; several, comma-separated")
    List<String> targets;

    @Parameters(index = "1", paramLabel = "BODY", description = "the body, a JSON object, e.g. '{\"cmd\":\"reboot\"}'")
    String body;

    @Option(names = "--offline", description = "store it for an offline target; held until acked by an online one")
    boolean offline;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "how long to wait for the MultiAck (default: ${DEFAULT-VALUE})")
    long timeout;

    @Override
    public Integer call() throws Exception {
        var to = Wire.JSON.createArrayBuilder();
        targets.forEach(t -> to.add(Json.address(t)));
        String envelope = Wire.JSON.createObjectBuilder().add("type", "ServerPushNotify").add("msgId", source + "-" + UUID.randomUUID())
                .add("source", Wire.JSON.createObjectBuilder().add("type", "irsp").add("id", source)).add("targets", to)
                .add("delivery", offline ? "offline" : "instant").add("body", Json.object(body, "BODY")).build().toString();
        try (var factory = new ActiveMQConnectionFactory(broker);
                JMSContext jms = brokerUser == null ? factory.createContext() : factory.createContext(brokerUser, brokerPassword)) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            jms.createProducer().setJMSReplyTo(replies).send(jms.createQueue("irsp.push.inbound"), envelope);
            String reply = jms.createConsumer(replies).receiveBody(String.class, timeout * 1000);
            if (reply == null) {
                throw new TimeoutException();
            }
            JsonObject multiAck = Json.object(reply, "the IRSP's reply");
            Out.print(spec, multiAck);
            boolean done = multiAck.getInt("retCode") == 200 && multiAck.containsKey("body") && multiAck.getJsonObject("body").getJsonArray("results")
                    .getValuesAs(JsonObject.class).stream().allMatch(r -> r.getInt("retCode") == 200 || r.getInt("retCode") == 202);
            return done ? 0 : 1;
        }
    }
}
