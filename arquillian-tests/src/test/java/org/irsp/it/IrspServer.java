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
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts IRSP once per test JVM on Payara Micro from the built artifacts (RAR deployed by a postboot
 * command before the WAR), on 127.0.0.1 and a free port, with short test timers and its own data
 * directory and database (H2, or PostgreSQL with {@code -Dirsp.it.db=postgres}), and stops it when the
 * JVM's tests are done. Test classes share it.
 */
public final class IrspServer implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    /** Timers shortened so that expiry tests run in seconds. */
    static final List<String> TEST_SETTINGS = List.of(
            "-Dirsp.tls.allowPlainHttp=true",
            "-Dirsp.session.bindWindowSeconds=5",
            "-Dirsp.session.heartbeatSeconds=2",
            "-Dirsp.session.heartbeatMissLimit=2",
            "-Dirsp.login.lockSeconds=4",
            "-Dirsp.admin.lockSeconds=4",
            "-Dirsp.console.sampleSeconds=1",
            "-Dirsp.register.ratePerMinute=100000",
            "-Dirsp.offline.maxMessages=5",
            "-Dirsp.ws.maxOutboundFrames=64",
            "-Dirsp.msg.responseTimeoutSeconds=3",
            "-Dirsp.nat.answerTimeoutSeconds=3",
            "-Dirsp.nat.probeAddress=127.0.0.1",
            "-Dirsp.tls.certAlias=irsp",
            "-Dirsp.admin.password=" + AdminConsoleIT.PASSWORD,
            "-Dirsp.domain=irsp.test");

    private static final Path DIR = Path.of(System.getProperty("irsp.it.dir", "target/it"));
    /** Overrides of this test JVM (a failsafe execution), e.g. the strict-limits one. */
    private static final List<String> EXECUTION_SETTINGS =
            List.of(System.getProperty("irsp.it.settings", "").trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    private static final List<String> restartSettings = new ArrayList<>();
    private static String databaseUrl;
    private static Process process;
    private static URI uri;
    private static int brokerPort;
    private static int probePort;
    private static int httpsPort;
    private static Path data;
    /** Every answer of {@code /health/ready} seen while the last start was awaited, in order. */
    private static final List<String> readinessDuringStart = new java.util.concurrent.CopyOnWriteArrayList<>();

    public static URI uri() {
        return uri;
    }

    /** The HTTPS/WSS listener (§14), with the certificate of {@link TestKeystore}. */
    public static URI httpsUri() {
        return URI.create("https://127.0.0.1:" + httpsPort);
    }

    /** The UDP port of the AddrProbe service (§12.2), on 127.0.0.1. */
    public static int probePort() {
        return probePort;
    }

    /** The broker of the server under test (embedded, or external with -Dirsp.it.broker=external), for enterprise JMS clients. */
    public static String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (IrspServer.class) {
            if (process == null) {
                data = Files.createTempDirectory(DIR, "data-");
                TestDatabase.create();
                try {
                    brokerPort = freePort();
                    TestBroker.start(DIR, brokerPort);
                    start();
                } catch (Exception e) {
                    stop();
                    TestBroker.stop(DIR);
                    TestDatabase.drop();
                    throw e;
                }
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(IrspServer.class.getName(), this);
            }
        }
    }

    /** Restarts with the H2 pool pointed at {@code url}: what an operator's wrong database coordinates do. */
    public static synchronized void restartWithDatabase(String url) throws Exception {
        databaseUrl = url;
        restart();
    }

    /** Stops the server (SIGTERM) and starts it again on the same database and broker journal. */
    public static synchronized void restart(String... extraSettings) throws Exception {
        stop();
        restartSettings.addAll(List.of(extraSettings));
        start();
    }

    /** Kills the server (SIGKILL: its embedded broker dies with it) and starts it again on the same database and journal. */
    public static synchronized void killAndRestart() throws Exception {
        process.destroyForcibly().waitFor();
        start();
    }

    /** Kills the external broker (SIGKILL) under the running server. */
    public static synchronized void killBroker() throws Exception {
        TestBroker.kill(DIR);
    }

    /** Starts the external broker again on its journal and port, as an operator's restart would. */
    public static synchronized void startBroker() throws Exception {
        TestBroker.start(DIR, brokerPort);
    }

    private static void start() throws Exception {
        int port = freePort();
        if (probePort == 0) {
            probePort = freeUdpPort();
            httpsPort = freePort();
        }
        Path keystore = TestKeystore.keystore(DIR);
        Files.writeString(DIR.resolve("preboot.asadmin"), String.join("\n",
                "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1",
                "set resources.jdbc-connection-pool.H2Pool.property.URL=" + (databaseUrl != null ? databaseUrl
                        : "jdbc:h2:" + data.resolve("db/irsp").toAbsolutePath())) + "\n");
        Files.writeString(DIR.resolve("postboot.asadmin"), "deploy " + DIR.resolve("irsp-readiness.war").toAbsolutePath() + "\n"
                + TestDatabase.postbootCommands()
                + "create-resource-adapter-config --property ConnectionParameters=host\\=127.0.0.1\\;port\\=" + brokerPort + " irsp-ra\n"
                        + "deploy " + DIR.resolve("irsp-ra.rar").toAbsolutePath() + "\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
        command.addAll(TEST_SETTINGS);
        command.add("-Djavax.net.ssl.keyStore=" + keystore.toAbsolutePath());
        command.add("-Djavax.net.ssl.keyStorePassword=" + TestKeystore.PASSWORD);
        command.addAll(EXECUTION_SETTINGS);
        command.addAll(restartSettings);
        command.add("-Dirsp.nat.probePort=" + probePort);
        command.addAll(TestBroker.serverOptions());
        command.add("-Dirsp.artemis.dataDir=" + data.resolve("artemis").toAbsolutePath());
        command.add("-Dirsp.artemis.acceptor=tcp://127.0.0.1:" + brokerPort + "?protocols=CORE");
        command.addAll(List.of("-jar", DIR.resolve("payara-micro.jar").toString(), "--nohazelcast"));
        command.addAll(TestDatabase.microOptions(DIR));
        command.addAll(List.of(
                "--port", String.valueOf(port), "--sslport", String.valueOf(httpsPort), "--sslcert", TestKeystore.ALIAS,
                "--prebootcommandfile", DIR.resolve("preboot.asadmin").toString(),
                "--postbootcommandfile", DIR.resolve("postboot.asadmin").toString(),
                "--deploy", DIR.resolve("irsp.war").toString(), "--contextroot", "irsp"));
        long logStart = Files.exists(log()) ? Files.size(log()) : 0;
        process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        uri = URI.create("http://127.0.0.1:" + port);
        awaitReady(Duration.ofSeconds(240), logStart);
    }

    /** The server's log file, for checks on what it writes. */
    static Path log() {
        return DIR.resolve("server-" + data.getFileName() + ".log");
    }

    /** {@code "<status> <body>"} of each {@code /health/ready} answer seen while the last start was awaited. */
    static List<String> readinessDuringStart() {
        return List.copyOf(readinessDuringStart);
    }

    /**
     * Until the server answers; a deployment failure logged by this start (after {@code logStart}) fails at
     * once. Meanwhile asks {@code /health/ready} every 100 ms and keeps its answers.
     */
    private static void awaitReady(Duration limit, long logStart) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        readinessDuringStart.clear();
        while (System.nanoTime() < deadline) {
            recordReadiness();
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited, see " + log());
            }
            String logged = Files.exists(log()) ? Files.readString(log()).substring((int) logStart) : "";
            if (logged.contains("Exception while deploying the app") || logged.contains("Exception while loading the app")
                    || logged.contains("[EclipseLink-4002]")) {
                throw new IllegalStateException("IRSP failed to deploy, see " + log());
            }
            if (answers() && brokerUp()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("IRSP not ready within " + limit + ", see " + log());
    }

    private static void recordReadiness() {
        try {
            HttpURLConnection c = (HttpURLConnection) uri.resolve("/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            var body = status < 400 ? c.getInputStream() : c.getErrorStream();
            readinessDuringStart.add(status + " " + (body == null ? "" : new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // not listening yet
        }
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
        try (var s = new Socket("127.0.0.1", brokerPort)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        process = null;
        TestBroker.stop(DIR);
        TestDatabase.drop();
    }

    private static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
