package org.irsp.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * §15: the physical destinations {@code irsp.push.inbound} and {@code irsp.events} are fixed; their JNDI
 * names for enterprise applications on the same server come from {@code irsp.jms.pushQueue} and
 * {@code irsp.jms.eventsTopic}. Bound while IRSP runs, unbound when it stops.
 */
@Singleton
@Startup
@DependsOn("EmbeddedBroker")
public class DestinationNames {

    private static final Logger LOG = Logger.getLogger(DestinationNames.class.getName());

    @Inject
    @ConfigProperty(name = "irsp.jms.pushQueue", defaultValue = "jms/irsp.push.inbound")
    String pushQueue;

    @Inject
    @ConfigProperty(name = "irsp.jms.eventsTopic", defaultValue = "jms/irsp.events")
    String eventsTopic;

    @PostConstruct
    void bind() {
        try {
            InitialContext naming = new InitialContext();
            naming.rebind(pushQueue, ActiveMQJMSClient.createQueue(Jms.PUSH_QUEUE));
            naming.rebind(eventsTopic, ActiveMQJMSClient.createTopic(Jms.EVENTS_TOPIC));
            LOG.log(Level.INFO, "{0} -> queue {1}, {2} -> topic {3}", new Object[] {pushQueue, Jms.PUSH_QUEUE, eventsTopic, Jms.EVENTS_TOPIC});
        } catch (NamingException e) {
            throw new IllegalStateException("cannot bind the JNDI names " + pushQueue + " and " + eventsTopic, e);
        }
    }

    @PreDestroy
    void unbind() {
        try {
            InitialContext naming = new InitialContext();
            naming.unbind(pushQueue);
            naming.unbind(eventsTopic);
        } catch (NamingException e) {
            LOG.log(Level.FINE, "unbinding the destinations failed: {0}", e.toString());
        }
    }
}
