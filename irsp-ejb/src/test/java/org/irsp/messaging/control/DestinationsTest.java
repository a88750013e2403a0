package org.irsp.messaging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.core.protocol.core.impl.PacketImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real broker in this JVM: a kept destination is sent to without asking the broker about it again. */
class DestinationsTest {

    private static final String QUEUE = "irsp.offline.device.destinations-test";

    @TempDir
    Path data;

    private InJvmBroker broker;
    private ActiveMQConnectionFactory factory;
    private final AtomicInteger queries = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        broker = InJvmBroker.start(data, cfg -> { });
        broker.server().getRemotingService().addIncomingInterceptor((Interceptor) (packet, connection) -> {
            byte type = packet.getType();
            if (type == PacketImpl.SESS_BINDINGQUERY || type == PacketImpl.SESS_QUEUEQUERY) {
                queries.incrementAndGet();
            }
            return true;
        });
        factory = new ActiveMQConnectionFactory(broker.url);
    }

    @AfterEach
    void stop() throws Exception {
        factory.close();
        broker.close();
    }

    @Test
    void aQueueIsAskedAboutOnceNotOncePerSend() throws Exception {
        Destinations destinations = new Destinations();
        for (int i = 0; i < 50; i++) {
            try (JMSContext jms = factory.createContext()) { // a new session per send, as the resource adapter's pool gives
                jms.createProducer().send(destinations.queue(jms, QUEUE), "item " + i);
            }
        }
        assertTrue(queries.get() <= 3, "broker asked about the queue " + queries.get() + " times for 50 sends");
        try (JMSContext jms = factory.createContext(); JMSConsumer consumer = jms.createConsumer(jms.createQueue(QUEUE))) {
            for (int i = 0; i < 50; i++) {
                assertEquals("item " + i, consumer.receive(10_000).getBody(String.class));
            }
        }
    }

    @Test
    void withoutKeepingEverySendAsksAgain() {
        for (int i = 0; i < 5; i++) {
            try (JMSContext jms = factory.createContext()) {
                jms.createProducer().send(jms.createQueue(QUEUE), "item " + i);
            }
        }
        assertTrue(queries.get() >= 10, "the client asked only " + queries.get() + " times: the reason for Destinations is gone");
    }
}
