package org.irsp.messaging.control;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/** A real, persistent Artemis broker in the test's JVM, on a free loopback port, speaking CORE. */
final class InJvmBroker implements AutoCloseable {

    private final EmbeddedActiveMQ broker;
    final String url;

    private InJvmBroker(EmbeddedActiveMQ broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    /** Starts a broker keeping its journal under {@code data}; {@code configure} adds to its configuration. */
    static InJvmBroker start(Path data, Consumer<ConfigurationImpl> configure) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        ConfigurationImpl cfg = new ConfigurationImpl();
        cfg.setPersistenceEnabled(true).setSecurityEnabled(false).setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString()).setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString()).setLargeMessagesDirectory(data.resolve("large").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        configure.accept(cfg);
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(cfg);
        broker.start();
        return new InJvmBroker(broker, "tcp://127.0.0.1:" + port);
    }

    ActiveMQServer server() {
        return broker.getActiveMQServer();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
