package org.irsp.messaging.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/** Offline items the broker expired (moved to {@code irsp.expired}): reported by {@link Expiries}. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "irsp-ra"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "irsp.expired"),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "1000")})
public class ExpiredItemListener implements MessageListener {

    @Inject
    Expiries expiries;

    @Override
    public void onMessage(Message message) {
        try {
            expiries.expired(((TextMessage) message).getText(), message.getStringProperty("irspRecipient"),
                    message.getStringProperty("irspKind"), message.propertyExists("irspSize") ? message.getIntProperty("irspSize") : 0);
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }
}
