package org.irsp.it;

import java.io.IOException;
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
