package org.irsp.session.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.irsp.audit.control.AuditLog;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.control.Accounts;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.StoredHash;
import org.irsp.session.boundary.LoginResult;
import org.irsp.session.entity.Challenge;
import org.irsp.session.entity.LoginSession;
import org.irsp.telemetry.control.Meters;

/**
 * The committed consequences of a login attempt, each in its own transaction: a failure is counted
 * (and may lock the ID) although the attempt is refused; a nonce is consumed by any attempt. A CDI bean
 * with Jakarta Transactions' interceptor, not an EJB: it runs for every login, and a call through CDI to a
 * no-interface EJB costs Payara a thrown exception and a reflective look-up.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class LoginOutcomes {

    @PersistenceContext EntityManager em;
    @Inject Accounts accounts;
    @Inject SessionSettings settings;
    @Inject AuditLog audit;
    @Inject Clock clock;
    @Inject Meters meters;

    public LoginResult succeeded(EntityRef entity, String clientIp) {
        Instant now = clock.instant();
        accounts.get(entity).recordLoginSuccess();
        String connId = Tokens.connId();
        String token = Tokens.token();
        LoginSession session = new LoginSession(connId, Tokens.digest(token), entity, now);
        session.cameFrom(clientIp);
        em.persist(session);
        audit.record(entity.id(), clientIp, "login", 200, null);
        meters.login("success");
        return new LoginResult(entity, connId, token, settings.heartbeatSeconds(), settings.bindWindowSeconds());
    }

    /** Counts the failure and returns the 401 to throw. */
    public IrspException failed(EntityRef entity, String clientIp, String why) {
        Account account = accounts.get(entity);
        Instant now = clock.instant();
        account.recordLoginFailure(now, settings.lockout());
        audit.record(entity.id(), clientIp, "login", 401, why);
        meters.login("failure");
        if (account.lockRemaining(now).isPresent()) {
            audit.record(entity.id(), clientIp, "lockout", 429, null);
            meters.login("lockout");
        }
        return refusal();
    }

    /**
     * §8.2 in one transaction: the nonce is consumed whatever the outcome, and a proof that does not match
     * (or a nonce unknown, expired or not this device's) is counted as a failure. Empty when refused: the
     * refusal is committed, so the caller throws {@link #refusal()} outside the transaction.
     */
    public Optional<LoginResult> byProof(EntityRef device, String nonce, String proof, String clientIp) {
        Account account = accounts.get(device);
        boolean ok = consumeNonce(nonce)
                .filter(c -> c.admits(account.id(), clock.instant()))
                .map(c -> StoredHash.parse(account.credentialHash()).acceptsProof(proof, nonce, account.id()))
                .orElse(false);
        if (ok) {
            return Optional.of(succeeded(device, clientIp));
        }
        failed(device, clientIp, "proof");
        return Optional.empty();
    }

    /** What a refused login answers. */
    public static IrspException refusal() {
        return new IrspException(RetCode.UNAUTHORIZED, "authentication failed");
    }

    private Optional<Challenge> consumeNonce(String nonce) {
        Challenge c = em.find(Challenge.class, nonce);
        if (c != null) {
            em.remove(c);
        }
        return Optional.ofNullable(c);
    }
}
