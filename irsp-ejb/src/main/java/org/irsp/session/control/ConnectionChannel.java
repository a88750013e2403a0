package org.irsp.session.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import org.irsp.messaging.control.Destinations;
import org.irsp.messaging.control.Jms;
import org.irsp.push.control.PushText;
import org.irsp.session.entity.ConnectionCommand;
import jakarta.jms.DeliveryMode;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The one place that decides how a command reaches its connections: carried out on this node when every
 * connection it addresses is here and {@link LocalConnections} takes it, else published on the internal
 * {@code irsp.connections} topic, which every node consumes to act on the connections it holds (irsp-jms
 * ConnectionCommandListener). Either way only if the change behind it commits: a local command waits for
 * the caller's transaction to commit, a published one is sent in it.
 */
@Stateless
public class ConnectionChannel {

    @Inject
    Instance<LocalConnections> here;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void send(ConnectionCommand command) {
        if (here.isResolvable() && here.get().holdsAllFor(command)) {
            afterCommit(() -> here.get().carryOut(command));
        } else {
            publish(command);
        }
    }

    private void afterCommit(Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Inject
    Destinations destinations;

    /** Publishes on the topic whatever holds the connections (also how a test takes the path another node's command takes). */
    public void publish(ConnectionCommand command) {
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
                    .send(destinations.topic(jms, Jms.CONNECTIONS_TOPIC), m);
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
