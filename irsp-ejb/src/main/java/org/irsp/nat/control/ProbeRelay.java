package org.irsp.nat.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import org.irsp.cluster.control.Node;
import org.irsp.messaging.control.Destinations;
import org.irsp.messaging.control.Jms;
import org.irsp.nat.entity.ProbeCommand;

/**
 * Carries {@link ProbeCommand}s between nodes, on the receiving node's queue ({@code irsp.node.<name>}):
 * non-persistent, and dropped after {@value #TTL_MS} ms, by when the client has probed again.
 */
@ApplicationScoped
public class ProbeRelay {

    static final long TTL_MS = 5_000;

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Inject
    Destinations destinations;

    public void send(String node, ProbeCommand command) {
        try (JMSContext jms = factory.createContext()) {
            TextMessage m = jms.createTextMessage(command.answer() == null ? "" : command.answer());
            m.setStringProperty(ProbeCommand.PROPERTY, command.kind().name());
            m.setStringProperty("connId", command.connId());
            m.setStringProperty("nonce", command.nonce());
            m.setStringProperty("ip", command.ip());
            m.setIntProperty("port", command.port());
            m.setStringProperty("node", command.node());
            jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(TTL_MS)
                    .send(destinations.queue(jms, Node.queueOf(node)), m);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
