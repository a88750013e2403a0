package org.irsp.registration.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.registration.entity.CredentialPolicy;

/** The configured §7.1/§7.2 credential policy (§20 {@code irsp.password.minClasses}, {@code irsp.device.secretMinLength}). */
@ApplicationScoped
public class CredentialRules {

    @Inject
    @ConfigProperty(name = "irsp.password.minClasses", defaultValue = "2")
    int passwordMinClasses;

    @Inject
    @ConfigProperty(name = "irsp.device.secretMinLength", defaultValue = "16")
    int secretMinLength;

    public CredentialPolicy policy() {
        return new CredentialPolicy(passwordMinClasses, secretMinLength);
    }
}
