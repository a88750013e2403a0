package org.irsp.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Map;
import org.apache.activemq.artemis.core.postoffice.QueueBinding;
import org.apache.activemq.artemis.core.server.Queue;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.irsp.telemetry.control.Meters;

/**
 * The default broker: Artemis inside the application, persisting its journal to disk, so that a fresh
 * clone runs with one command. Operators switch it off with {@code irsp.artemis.embedded=false} and point
 * the resource adapter at their own broker. The resource adapter retries until this broker is up.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class EmbeddedBroker {

    private static final Logger LOG = Logger.getLogger(EmbeddedBroker.class.getName());

    /**
     * Artemis's audit loggers write every send and receive, with the message, at INFO: slow, and it puts
     * message contents in the server log. Held here because JUL keeps loggers only weakly.
     */
    private static final List<Logger> QUIET = Stream.of("org.apache.activemq.audit.base",
            "org.apache.activemq.audit.message", "org.apache.activemq.audit.resource")
            .map(Logger::getLogger).peek(l -> l.setLevel(Level.WARNING)).toList();

    @Inject
    @ConfigProperty(name = "irsp.artemis.embedded", defaultValue = "true")
    boolean embedded;

    @Inject
    @ConfigProperty(name = "irsp.artemis.dataDir", defaultValue = "data/artemis")
    String dataDir;

    @Inject
    @ConfigProperty(name = "irsp.artemis.acceptor", defaultValue = "tcp://127.0.0.1:61616?protocols=CORE")
    String acceptor;

    @Inject
    Meters meters;

    private EmbeddedActiveMQ broker;

    /** Messages held in the queues whose names start with {@code prefix}; -1 if the broker cannot say. */
    long depth(String prefix) {
        try {
            return broker.getActiveMQServer().getPostOffice().getAllBindings()
                    .filter(b -> b instanceof QueueBinding)
                    .map(b -> ((QueueBinding) b).getQueue())
                    .filter(q -> q.getName().toString().startsWith(prefix))
                    .mapToLong(Queue::getMessageCount).sum();
        } catch (Exception e) { // a gauge must never break the metrics endpoint
            LOG.log(Level.FINE, "queue depth unavailable: {0}", e.toString());
            return -1;
        }
    }

    @PostConstruct
    void start() {
        if (!embedded) {
            LOG.info("irsp.artemis.embedded=false: using an external broker");
            return;
        }
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        try {
            broker = new EmbeddedActiveMQ().setConfiguration(configuration(data));
            broker.start();
            LOG.log(Level.INFO, "Embedded Artemis started on {0}, journal in {1}", new Object[] {acceptor, data});
            meters.gauge("irsp.offline.items", "Items in the offline queues of the embedded broker (-1: unknown)", MetricUnits.NONE,
                    () -> depth(Jms.OFFLINE_PREFIX));
            meters.gauge("irsp.dead.items", "Items in irsp.dead, the dead letters of the embedded broker (-1: unknown)", MetricUnits.NONE,
                    () -> depth("irsp.dead"));
        } catch (Exception e) {
            throw new IllegalStateException("embedded Artemis failed to start", e);
        }
    }

    private Configuration configuration(Path data) throws Exception {
        Configuration cfg = new ConfigurationImpl()
                .setName("irsp-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setMessageExpiryScanPeriod(5_000)
                .addAcceptorConfiguration("tcp", acceptor);
        BrokerAddresses.settings().forEach((match, settings) -> cfg.addAddressSetting(match, settings));
        return cfg;
    }

    @PreDestroy
    void stop() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "embedded Artemis did not stop cleanly", e);
        }
    }

    /** The address settings IRSP relies on; docs/OPERATIONS.md lists the same for an external broker. */
    static final class BrokerAddresses {
        static Map<String, AddressSettings> settings() {
            AddressSettings offline = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("irsp.dead"))
                    .setExpiryAddress(SimpleString.of("irsp.expired"))
                    .setMaxDeliveryAttempts(10)
                    .setRedeliveryDelay(1_000)
                    .setAutoDeleteQueues(false)
                    .setAutoDeleteAddresses(false)
                    .setSendToDLAOnNoRoute(true);
            AddressSettings inbound = new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of("irsp.dead"))
                    .setMaxDeliveryAttempts(5)
                    .setRedeliveryDelay(1_000);
            return Map.of("irsp.offline.#", offline, "irsp.push.inbound", inbound, "#",
                    new AddressSettings().setDeadLetterAddress(SimpleString.of("irsp.dead")));
        }

        private BrokerAddresses() {}
    }
}
