package org.irsp.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.irsp.events.entity.EnterpriseEvent;
import jakarta.enterprise.event.Event;
import org.irsp.messaging.control.Mailboxes;
import org.irsp.messaging.control.Notifications;
import org.irsp.messaging.entity.Expired;
import org.irsp.push.control.PushText;
import org.irsp.push.entity.DeliveryFailed;
import org.irsp.push.entity.Endpoint;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.telemetry.control.Meters;

/**
 * §11.5: an expired offline item is dropped; {@code message.deliveryFailed} is always published, and a
 * sender that asked for a response gets DeliveryFailedNotify 410 {@code expired} (queued if offline).
 */
@Stateless
public class Expiries {

    @Inject Event<EnterpriseEvent> events;
    @Inject Notifications notifications;
    @Inject Meters meters;
    @Inject Mailboxes mailboxes;

    public void expired(String text, String recipientKey, String kind, int sizeBytes) {
        if (!"MESSAGE".equals(kind) || recipientKey == null) {
            return;
        }
        mailboxes.released(recipientKey, kind, sizeBytes);
        meters.expired();
        Expired message = Expired.of(PushText.readStored(text));
        String[] recipient = recipientKey.split(":", 2);
        Endpoint target = new Endpoint(recipient[0], recipient[1], null);
        DeliveryFailed failure = new DeliveryFailed(message.msgId(), target, 410, "expired");
        Endpoint source = message.source();
        events.fire(new EnterpriseEvent.MessageUndelivered(source, failure));
        if (!"irsp".equals(source.type()) && message.needResponse()) {
            notifications.liveOrQueued(new EntityRef(EntityType.ofWire(source.type()), source.id()), failure);
        }
    }
}
