package org.irsp.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code irsp.domain}, announced in registration replies; the host name by default. */
@ApplicationScoped
public class ServerIdentity {

    @Inject
    @ConfigProperty(name = "irsp.domain")
    Optional<String> configured;

    public String domain() {
        return configured.orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }
}
