package org.irsp.messaging.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.irsp.messaging.control.Jms;

/**
 * Consumes enterprise pushes from {@code irsp.push.inbound} (§15.1) and answers on JMSReplyTo. A message
 * that is not a TextMessage is answered like any invalid one. Broker or database failures propagate:
 * the transaction rolls back and the broker redelivers, then dead-letters.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "irsp-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "irsp.push.inbound"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")})
public class EnterprisePushListener implements MessageListener {

    @Inject
    EnterprisePushes pushes;

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    @Override
    public void onMessage(Message message) {
        try {
            String text = message instanceof TextMessage t ? t.getText() : null;
            PushOutcome outcome = pushes.accept(text);
            Destination replyTo = message.getJMSReplyTo();
            if (replyTo != null) {
                String correlation = message.getJMSCorrelationID() != null
                        ? message.getJMSCorrelationID() : message.getJMSMessageID();
                try (JMSContext jms = factory.createContext()) {
                    jms.createProducer().setJMSCorrelationID(correlation).send(replyTo, PushReplies.multiAck(outcome));
                }
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
