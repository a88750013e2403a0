package org.irsp.rest;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.io.File;

/**
 * §14 at start-up. When plain HTTP is not allowed and the operator names the certificate IRSP must serve
 * ({@code irsp.tls.certAlias}), the server's effective keystore ({@code javax.net.ssl.keyStore}) must hold
 * a key under that alias, or the application does not start: a container that silently fell back to its
 * own certificate (a missing or wrong keystore) would look alive to nobody's benefit.
 */
@Singleton
@Startup
public class TransportSecurity {

    private static final Logger LOG = Logger.getLogger(TransportSecurity.class.getName());

    @Inject
    @ConfigProperty(name = "irsp.tls.allowPlainHttp", defaultValue = "false")
    boolean allowPlainHttp;

    @Inject
    @ConfigProperty(name = "irsp.tls.certAlias")
    Optional<String> certAlias;

    @PostConstruct
    void check() {
        if (allowPlainHttp) {
            LOG.warning("irsp.tls.allowPlainHttp=true: plain HTTP and WS are served (development only)");
            return;
        }
        if (certAlias.isEmpty()) {
            LOG.warning("irsp.tls.certAlias not set: the certificate HTTPS serves is not checked");
            return;
        }
        String keystore = System.getProperty("javax.net.ssl.keyStore", "");
        if (!hasKey(keystore, System.getProperty("javax.net.ssl.keyStorePassword", "changeit"), certAlias.get())) {
            throw new IllegalStateException("the TLS keystore (javax.net.ssl.keyStore=" + keystore + ") holds no key '"
                    + certAlias.get() + "' (irsp.tls.certAlias), and plain HTTP is not allowed: IRSP does not start");
        }
        LOG.info("HTTPS serves the key '" + certAlias.get() + "' of " + keystore);
    }

    private static boolean hasKey(String keystore, String password, String alias) {
        if (keystore.isBlank() || !Files.isReadable(Path.of(keystore))) {
            return false;
        }
        try {
            return KeyStore.getInstance(new File(keystore), password.toCharArray()).isKeyEntry(alias);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warning("cannot read the TLS keystore " + keystore + ": " + e);
            return false;
        }
    }
}
