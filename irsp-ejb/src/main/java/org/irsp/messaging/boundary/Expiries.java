package org.irsp.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.irsp.messaging.control.EnterpriseEvents;

/**
 * §11.5: an expired offline item is dropped and {@code message.deliveryFailed} is published for the
 * sender. (DeliveryFailedNotify to a DataMessage sender with needResponse comes with DataMessage routing.)
 */
@Stateless
public class Expiries {

    @Inject
    EnterpriseEvents events;

    public void expired(String frame, String recipientKey, String kind) {
        if (!"MESSAGE".equals(kind) || recipientKey == null) {
            return;
        }
        JsonObject message = Json.createReader(new StringReader(frame)).readObject()
                .getJsonObject("body").getJsonObject("message");
        JsonObject source = message.getJsonObject("source");
        String[] recipient = recipientKey.split(":", 2);
        JsonObject data = Json.createObjectBuilder()
                .add("msgId", message.getString("msgId"))
                .add("target", Json.createObjectBuilder().add("type", recipient[0]).add("id", recipient[1]))
                .add("retCode", 410)
                .add("reason", "expired")
                .build();
        events.publish("message.deliveryFailed", source.getString("type"), source.getString("id", ""), data);
    }
}
