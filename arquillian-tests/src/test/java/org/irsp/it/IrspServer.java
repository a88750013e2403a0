package org.irsp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts IRSP once per test JVM on Payara Micro from the built artifacts (RAR deployed by a postboot
 * command before the WAR), on 127.0.0.1 and a free port, with short test timers and its own data
 * directory, and stops it when the JVM's tests are done. Test classes share it.
 */
public final class IrspServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** Timers shortened so that expiry tests run in seconds. */
    static final List<String> TEST_SETTINGS = List.of(
            "-Dirsp.tls.allowPlainHttp=true",
            "-Dirsp.session.bindWindowSeconds=5",
            "-Dirsp.session.heartbeatSeconds=2",
            "-Dirsp.session.heartbeatMissLimit=2",
            "-Dirsp.login.lockSeconds=4",
            "-Dirsp.register.ratePerMinute=100000",
            "-Dirsp.offline.maxMessages=5",
            "-Dirsp.msg.responseTimeoutSeconds=3",
            "-Dirsp.domain=irsp.test");

    private static final Path DIR = Path.of(System.getProperty("irsp.it.dir", "target/it"));
    /** Overrides of this test JVM (a failsafe execution), e.g. the strict-limits one. */
    private static final List<String> EXECUTION_SETTINGS =
            List.of(System.getProperty("irsp.it.settings", "").trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    private static final List<String> restartSettings = new java.util.ArrayList<>();
    private static Process process;
    private static URI uri;
    private static int brokerPort;
    private static Path data;

    public static URI uri() {
        return uri;
    }

    /** The embedded broker of the server under test, for enterprise JMS clients. */
    public static String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (IrspServer.class) {
            if (process == null) {
                data = Files.createTempDirectory(DIR, "data-");
                start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(IrspServer.class.getName(), this);
            }
        }
    }

    /** Stops the server (SIGTERM) and starts it again on the same database and broker journal. */
    public static synchronized void restart(String... extraSettings) throws Exception {
        stop();
        restartSettings.addAll(List.of(extraSettings));
        start();
    }

    private static void start() throws Exception {
        int port = freePort();
        if (brokerPort == 0) {
            brokerPort = freePort();
        }
        Files.writeString(DIR.resolve("preboot.asadmin"), String.join("\n",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:" + data.resolve("db/irsp").toAbsolutePath()) + "\n");
        Files.writeString(DIR.resolve("postboot.asadmin"),
                "create-resource-adapter-config --property ConnectionParameters=host\\=127.0.0.1\\;port\\=" + brokerPort + " irsp-ra\n"
                        + "deploy " + DIR.resolve("irsp-ra.rar").toAbsolutePath() + "\n");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
        command.addAll(TEST_SETTINGS);
        command.addAll(EXECUTION_SETTINGS);
        command.addAll(restartSettings);
        command.add("-Dirsp.artemis.dataDir=" + data.resolve("artemis").toAbsolutePath());
        command.add("-Dirsp.artemis.acceptor=tcp://127.0.0.1:" + brokerPort + "?protocols=CORE");
        command.addAll(List.of("-jar", DIR.resolve("payara-micro.jar").toString(), "--nohazelcast",
                "--port", String.valueOf(port),
                "--prebootcommandfile", DIR.resolve("preboot.asadmin").toString(),
                "--postbootcommandfile", DIR.resolve("postboot.asadmin").toString(),
                "--deploy", DIR.resolve("irsp.war").toString(), "--contextroot", "irsp"));
        process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        uri = URI.create("http://127.0.0.1:" + port);
        awaitReady(Duration.ofSeconds(240));
    }

    /** The server's log file, for checks on what it writes. */
    static Path log() {
        return DIR.resolve("server-" + data.getFileName() + ".log");
    }

    private static void awaitReady(Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited, see " + log());
            }
            if (answers() && brokerUp()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("IRSP not ready within " + limit + ", see " + log());
    }

    private static boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve("/irsp/api/v1/ready-probe").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            int status = c.getResponseCode();
            return (status == 404 || status == 403) && c.getContentType() != null && c.getContentType().contains("json");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean brokerUp() {
        try (var s = new java.net.Socket("127.0.0.1", brokerPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        process = null;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
