package org.irsp.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's one administrator: {@code irsp.admin.user} (default {@code admin}) with the password in
 * {@code irsp.admin.password} (for example from the environment variable {@code IRSP_ADMIN_PASSWORD}).
 * Without a password nobody can log in, so the console is closed by default. The caller gets the group
 * {@code admin}, which {@code payara-web.xml} maps to the role the console requires.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    @Inject @ConfigProperty(name = "irsp.admin.user", defaultValue = "admin") String user;
    @Inject @ConfigProperty(name = "irsp.admin.password") Optional<String> password;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (password.isEmpty() || password.get().isBlank()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        boolean userMatches = same(user, credential.getCaller());
        boolean passwordMatches = same(password.get(), credential.getPasswordAsString());
        return userMatches && passwordMatches ? new CredentialValidationResult(user, Set.of("admin"))
                : CredentialValidationResult.INVALID_RESULT;
    }

    private static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
