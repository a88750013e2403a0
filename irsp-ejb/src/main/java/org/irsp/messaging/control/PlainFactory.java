package org.irsp.messaging.control;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.ra.ActiveMQRAConnectionFactory;
import org.apache.activemq.artemis.ra.ActiveMQResourceAdapter;

/**
 * A plain (not pooled, not enlisted) Artemis connection factory made from the resource adapter's own
 * settings, for what the adapter's managed sessions cannot do: individual acknowledgement
 * ({@link Inboxes}) and sends the sender does not wait for ({@link StoreLanes}). It fails fast like the
 * adapter's: no reconnection, a call unanswered for 10 s fails.
 */
final class PlainFactory {

    static ActiveMQConnectionFactory of(ConnectionFactory adapter) throws JMSException {
        try {
            ActiveMQRAConnectionFactory ra = (ActiveMQRAConnectionFactory) adapter;
            ActiveMQResourceAdapter settings = ra.getResourceAdapter();
            ActiveMQConnectionFactory f = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF,
                    ra.getDefaultFactory().getStaticConnectors());
            f.setReconnectAttempts(0);
            f.setCallTimeout(10_000);
            f.setUser(settings.getUserName());
            f.setPassword(settings.getPassword());
            return f;
        } catch (jakarta.resource.ResourceException e) {
            JMSException failure = new JMSException("the resource adapter has no connection settings");
            failure.initCause(e);
            throw failure;
        }
    }

    private PlainFactory() {}
}
