package org.irsp.session.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.irsp.messaging.entity.InboxCommand;
import org.irsp.nat.entity.ProbeCommand;
import org.irsp.push.control.PushText;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.session.entity.ConnectionCommand;

/**
 * Receives the commands for this node's connections, the {@link InboxCommand}s for the offline queues it
 * reads and the {@link ProbeCommand}s of AddrProbes that reached another node, from its own queue ({@code irsp.node.<irsp.node.name>},
 * which no other node reads) and hands them to the connection registry as a CDI event, in the order they
 * were sent (one session). Commands are non-persistent and taken without a transaction (an XA transaction
 * per delivery cost a broker round trip and more per forwarded message): one that fails propagates to the
 * container and is not retried; what must not be lost (guaranteed and offline items) waits in the offline queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "irsp-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        // Payara expands the node's name from MicroProfile Config (irsp.node.name; the env IRSP_NODE_NAME)
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "irsp.node.${MPCONFIG=irsp.node.name:local}"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // non-persistent commands: no XA transaction per delivery
public class ConnectionCommandListener implements MessageListener {

    @Inject
    Event<ConnectionCommand> commands;

    @Inject
    Event<InboxCommand> inboxCommands;

    @Inject
    Event<ProbeCommand> probeCommands;

    @Override
    public void onMessage(Message message) {
        try {
            TextMessage m = (TextMessage) message;
            String inbox = m.getStringProperty(InboxCommand.PROPERTY);
            if (inbox != null) {
                inboxCommands.fire(new InboxCommand(InboxCommand.Kind.valueOf(inbox), entity(m), m.getStringProperty("deliveryId")));
                return;
            }
            String probe = m.getStringProperty(ProbeCommand.PROPERTY);
            if (probe != null) {
                String text = m.getText();
                probeCommands.fire(new ProbeCommand(ProbeCommand.Kind.valueOf(probe), m.getStringProperty("connId"),
                        m.getStringProperty("nonce"), m.getStringProperty("ip"), m.getIntProperty("port"),
                        m.getStringProperty("node"), text == null || text.isEmpty() ? null : text));
                return;
            }
            String push = m.getText();
            commands.fire(new ConnectionCommand(
                    ConnectionCommand.Kind.valueOf(m.getStringProperty("kind")),
                    entity(m),
                    m.getStringProperty("connId"), m.getStringProperty("exceptConnId"),
                    push == null || push.isEmpty() ? null : PushText.read(push),
                    m.getStringProperty("ending") == null ? null : ConnectionCommand.Ending.valueOf(m.getStringProperty("ending")),
                    m.getStringProperty("deliveryId")));
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static EntityRef entity(Message m) throws JMSException {
        return new EntityRef(EntityType.valueOf(m.getStringProperty("entityType")), m.getStringProperty("entityId"));
    }
}
