package org.irsp.messaging.control;

import org.irsp.codes.Wire;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import java.time.Clock;
import jakarta.inject.Inject;
import org.irsp.codes.Timestamps;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;

/**
 * Publishes §15.2 events on the {@code irsp.events} topic: the JSON body plus eventType, entityType and
 * entityId as String properties for selectors. Sent in the caller's transaction.
 */
@Stateless
public class EnterpriseEvents {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Inject
    Clock clock;

    @Inject
    Destinations destinations;

    public void publish(String eventType, String entityType, String entityId, JsonObject data) {
        String body = Wire.JSON.createObjectBuilder()
                .add("eventType", eventType)
                .add("entityType", entityType)
                .add("entityId", entityId)
                .add("ts", Timestamps.format(clock.instant()))
                .add("data", data)
                .build()
                .toString();
        try (JMSContext jms = factory.createContext()) {
            TextMessage message = jms.createTextMessage(body);
            message.setStringProperty("eventType", eventType);
            message.setStringProperty("entityType", entityType);
            message.setStringProperty("entityId", entityId);
            jms.createProducer().send(destinations.topic(jms, Jms.EVENTS_TOPIC), message);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    public void publish(String eventType, String entityType, String entityId) {
        publish(eventType, entityType, entityId, Wire.JSON.createObjectBuilder().build());
    }
}
