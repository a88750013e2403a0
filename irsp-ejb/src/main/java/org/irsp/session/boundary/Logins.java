package org.irsp.session.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.control.CredentialHashing;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.StoredHash;
import org.irsp.session.control.LoginOutcomes;
import org.irsp.session.control.SessionSettings;
import org.irsp.session.control.Tokens;
import org.irsp.session.entity.Challenge;

/**
 * §8.1 login and §8.2 challenge. Checks run in the order 404, 429, 403, 401. A password or secret is
 * verified on the bounded hashing pool and the outcome completes the returned stage there; a
 * challenge proof costs one HMAC and completes at once, in one transaction with its outcome.
 */
@ApplicationScoped
public class Logins {

    @PersistenceContext EntityManager em;
    @Inject Accounts accounts;
    @Inject CredentialHashing hashing;
    @Inject LoginOutcomes outcomes;
    @Inject SessionSettings settings;
    @Inject Clock clock;

    public CompletionStage<LoginResult> login(LoginRequest r, String clientIp) {
        Account account = admissible(r.entity());
        if (r.proof() != null) {
            return outcomes.byProof(r.entity(), r.nonce(), r.proof(), clientIp)
                    .<CompletionStage<LoginResult>>map(CompletableFuture::completedFuture)
                    .orElseGet(() -> CompletableFuture.failedFuture(LoginOutcomes.refusal()));
        }
        String credential = r.password() != null ? r.password() : r.secret();
        return hashing.verify(credential, account.credentialHash()).thenApply(ok -> {
            if (!ok) {
                throw outcomes.failed(r.entity(), clientIp, "credential");
            }
            return outcomes.succeeded(r.entity(), clientIp);
        });
    }

    @Transactional
    public ChallengeResult challenge(EntityRef device) {
        Account account = admissible(device);
        StoredHash hash = StoredHash.parse(account.credentialHash());
        String nonce = Tokens.random(32);
        int ttl = settings.challengeTtlSeconds();
        em.persist(new Challenge(nonce, device.id(), clock.instant().plusSeconds(ttl)));
        return new ChallengeResult(nonce, hash.saltBase64(), hash.iterations(), hash.algorithm(), ttl);
    }

    private Account admissible(EntityRef entity) {
        Account account = accounts.find(entity)
                .orElseThrow(() -> new IrspException(RetCode.NOT_FOUND, "unknown " + entity.type().wire()));
        Instant now = clock.instant();
        account.lockRemaining(now).ifPresent(left -> {
            throw IrspException.retryAfter(RetCode.RATE_LIMITED, (left.toMillis() + 999) / 1000, "locked");
        });
        if (!account.isEnabled()) {
            throw new IrspException(RetCode.FORBIDDEN, "disabled by an administrator");
        }
        return account;
    }
}
