package org.irsp.session.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import org.irsp.messaging.control.Jms;
import org.irsp.push.control.PushText;
import org.irsp.session.entity.ConnectionCommand;
import jakarta.jms.DeliveryMode;

/**
 * Publishes connection commands on the internal {@code irsp.connections} topic. Every node consumes it
 * and acts on the connections it holds (irsp-jms ConnectionCommandListener). Sent in the caller's
 * transaction: a command leaves only if the change behind it commits.
 */
@Stateless
public class ConnectionChannel {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    public void send(ConnectionCommand command) {
        try (JMSContext jms = factory.createContext()) {
            TextMessage m = jms.createTextMessage(command.push() == null ? "" : PushText.write(command.push()));
            m.setStringProperty("kind", command.kind().name());
            m.setStringProperty("entityType", command.entity().type().name());
            m.setStringProperty("entityId", command.entity().id());
            setIfPresent(m, "connId", command.connId());
            setIfPresent(m, "exceptConnId", command.exceptConnId());
            setIfPresent(m, "ending", command.ending() == null ? null : command.ending().name());
            setIfPresent(m, "deliveryId", command.deliveryId());
            jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .send(jms.createTopic(Jms.CONNECTIONS_TOPIC), m);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static void setIfPresent(TextMessage m, String name, String value) throws JMSException {
        if (value != null) {
            m.setStringProperty(name, value);
        }
    }
}
