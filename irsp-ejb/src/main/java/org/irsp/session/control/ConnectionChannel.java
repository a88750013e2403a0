package org.irsp.session.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import java.util.Set;
import org.irsp.cluster.control.Node;
import org.irsp.cluster.control.Nodes;
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
 * connection it addresses is here and {@link LocalConnections} takes it, else sent to the command queue of
 * each node that holds one of them ({@code irsp.node.<name>}, consumed by that node alone: irsp-jms
 * ConnectionCommandListener). Either way only if the change behind it commits: a local command waits for
 * the caller's transaction to commit, a sent one is sent in it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS) // in the caller's transaction if it has one; else a plain send, not an XA one per command
public class ConnectionChannel {

    @Inject
    Instance<LocalConnections> here;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** How long a command waits for its node to take it. */
    static final long COMMAND_TTL_MS = 60_000;

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

    @Inject
    Nodes nodes;

    /**
     * Sends the command to the queue of every node that holds one of its connections, whatever holds them
     * (also how a test takes the path another node's command takes). A command not taken within
     * {@value #COMMAND_TTL_MS} ms (its node is gone) expires.
     */
    public void publish(ConnectionCommand command) {
        Set<String> targets = here.isResolvable() ? here.get().nodesFor(command) : nodes.live();
        if (targets.isEmpty()) {
            return; // nothing of the entity is bound anywhere
        }
        try (JMSContext jms = factory.createContext()) {
            TextMessage m = jms.createTextMessage(command.push() == null ? "" : PushText.write(command.push()));
            m.setStringProperty("kind", command.kind().name());
            m.setStringProperty("entityType", command.entity().type().name());
            m.setStringProperty("entityId", command.entity().id());
            setIfPresent(m, "connId", command.connId());
            setIfPresent(m, "exceptConnId", command.exceptConnId());
            setIfPresent(m, "ending", command.ending() == null ? null : command.ending().name());
            setIfPresent(m, "deliveryId", command.deliveryId());
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(COMMAND_TTL_MS);
            for (String node : targets) {
                producer.send(destinations.queue(jms, Node.queueOf(node)), m);
            }
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
