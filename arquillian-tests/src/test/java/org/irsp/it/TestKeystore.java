package org.irsp.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.util.ArrayList;

/**
 * A generated TLS identity for 127.0.0.1, as an operator would supply one: a PKCS12 keystore with the key
 * (alias {@code irsp}) for the server, and a trust store with its certificate for the clients.
 */
final class TestKeystore {

    static final String PASSWORD = "changeit";
    static final String ALIAS = "irsp";

    static synchronized Path keystore(Path dir) throws IOException, InterruptedException {
        Path keystore = dir.resolve("tls-keystore.p12");
        if (!Files.exists(keystore)) {
            keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                    "-file", dir.resolve("tls-cert.der").toString());
            keytool("-importcert", "-noprompt", "-alias", ALIAS, "-file", dir.resolve("tls-cert.der").toString(),
                    "-storetype", "PKCS12", "-keystore", dir.resolve("tls-truststore.p12").toString(), "-storepass", PASSWORD);
        }
        return keystore;
    }

    /** A client context that trusts the test certificate. */
    static SSLContext clientContext(Path dir) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("tls-truststore.p12"))) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    private TestKeystore() {}
}
