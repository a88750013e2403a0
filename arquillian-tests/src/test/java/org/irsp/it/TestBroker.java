package org.irsp.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker of the server under test: the embedded one by default, or, with
 * {@code -Dirsp.it.broker=external}, an Artemis distribution started by {@code scripts/external-broker.sh}
 * on 127.0.0.1 and a free port before the first server start, and stopped after the last. The server then
 * runs with {@code irsp.artemis.embedded=false}, its resource adapter pointed at that port as an operator
 * would point it at theirs; restarts of the server keep the broker and what it holds.
 */
final class TestBroker {

    static final boolean EXTERNAL = "external".equals(System.getProperty("irsp.it.broker", "embedded"));
    private static final String SCRIPT = System.getProperty("irsp.it.brokerScript", "../scripts/external-broker.sh");
    private static boolean running;

    static synchronized void start(Path dir, int port) throws IOException, InterruptedException {
        if (EXTERNAL && !running) {
            run(List.of("bash", SCRIPT, "start", dir.resolve("external-broker").toString(), String.valueOf(port)));
            running = true;
        }
    }

    static synchronized void stop(Path dir) throws IOException, InterruptedException {
        if (running) {
            run(List.of("bash", SCRIPT, "stop", dir.resolve("external-broker").toString()));
            running = false;
        }
    }

    /** SIGKILL of the external broker: its journal stays as the crash left it. */
    static synchronized void kill(Path dir) throws Exception {
        Path pidFile = dir.resolve("external-broker").resolve("broker.pid");
        ProcessHandle broker = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                .orElseThrow(() -> new IllegalStateException("the external broker is not running"));
        broker.destroyForcibly();
        broker.onExit().get(60, TimeUnit.SECONDS);
        Files.delete(pidFile);
        running = false;
    }

    static List<String> serverOptions() {
        return EXTERNAL ? List.of("-Dirsp.artemis.embedded=false") : List.of();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("failed: " + String.join(" ", command));
        }
    }

    private TestBroker() {}
}
