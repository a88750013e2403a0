package org.irsp.messaging.boundary;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.irsp.codes.Wire;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.irsp.messaging.control.EnterpriseEvents;
import org.irsp.messaging.control.Mailboxes;
import org.irsp.messaging.control.Notifications;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/**
 * §11.5: an expired offline item is dropped; {@code message.deliveryFailed} is always published, and a
 * sender that asked for a response gets DeliveryFailedNotify 410 {@code expired} (queued if offline).
 */
@Stateless
public class Expiries {

    @Inject EnterpriseEvents events;
    @Inject Notifications notifications;
    @Inject MetricRegistry metrics;
    @Inject Mailboxes mailboxes;

    public void expired(String frame, String recipientKey, String kind, int sizeBytes) {
        if (!"MESSAGE".equals(kind) || recipientKey == null) {
            return;
        }
        mailboxes.released(recipientKey, kind, sizeBytes);
        metrics.counter("irsp.messages.expired").inc();
        JsonObject message = Wire.JSON.createReader(new StringReader(frame)).readObject()
                .getJsonObject("body").getJsonObject("message");
        JsonObject source = message.getJsonObject("source");
        String[] recipient = recipientKey.split(":", 2);
        JsonObject target = Wire.JSON.createObjectBuilder().add("type", recipient[0]).add("id", recipient[1]).build();
        JsonObject failure = Wire.JSON.createObjectBuilder().add("msgId", message.getString("msgId")).add("target", target)
                .add("retCode", 410).add("reason", "expired").build();
        events.publish("message.deliveryFailed", source.getString("type"), source.getString("id", ""), failure);
        boolean fromEntity = !"irsp".equals(source.getString("type"));
        if (fromEntity && message.getBoolean("needResponse", false)) {
            EntityRef sender = new EntityRef(EntityType.ofWire(source.getString("type")), source.getString("id"));
            notifications.liveOrQueued(sender, "DeliveryFailedNotify", failure);
        }
    }
}
