package org.irsp.events;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import java.time.Clock;
import org.irsp.events.entity.EnterpriseEvent;
import org.irsp.messaging.control.Destinations;
import org.irsp.messaging.control.Jms;
import org.irsp.protocol.EventJson;

/**
 * The JMS binding of §15.2: every {@link EnterpriseEvent} the business layer fires goes out on
 * {@code irsp.events}, with eventType, entityType and entityId also as String properties for selectors.
 * A synchronous observer: the send joins the publisher's transaction (the factory is XA), so an event
 * leaves only if what it reports commits, and a failed send fails the publisher.
 */
@ApplicationScoped
public class EventsTopic {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Inject Clock clock;
    @Inject Destinations destinations;

    void publish(@Observes EnterpriseEvent event) {
        try (JMSContext jms = factory.createContext()) {
            TextMessage message = jms.createTextMessage(EventJson.write(event, clock.instant()));
            message.setStringProperty("eventType", event.eventType());
            message.setStringProperty("entityType", event.entityType());
            message.setStringProperty("entityId", event.entityId());
            jms.createProducer().send(destinations.topic(jms, Jms.EVENTS_TOPIC), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
