package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.io.File;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §15: enterprise applications find the push queue and the events topic under the configured JNDI names. */
@ExtendWith(ArquillianExtension.class)
class DestinationNamesArquillianIT {

    @Deployment
    static WebArchive irsp() {
        File war = new File(System.getProperty("irsp.it.dir", "target/it"), "irsp.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, war).addClass(DestinationNamesArquillianIT.class);
    }

    @Test
    void thePushQueueAndTheEventsTopicAreBoundUnderTheirJndiNames() throws Exception {
        InitialContext naming = new InitialContext();
        assertEquals("irsp.push.inbound", ((Queue) naming.lookup("jms/irsp.push.inbound")).getQueueName());
        assertEquals("irsp.events", ((Topic) naming.lookup("jms/irsp.events")).getTopicName());
    }
}
