package org.irsp.session.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.irsp.push.entity.Replaced;
import jakarta.ejb.EJBException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.irsp.audit.control.AuditLog;
import org.irsp.audit.entity.Operator;
import org.irsp.session.entity.ConnectionCommand.Ending;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.registration.entity.AccountDeleted;
import org.irsp.registration.entity.AccountDisabled;
import org.irsp.registration.entity.CredentialReset;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.cluster.control.Node;
import org.irsp.session.control.ConnectionChannel;
import org.irsp.session.control.LastUse;
import org.irsp.session.control.SessionSettings;
import org.irsp.session.control.Tokens;
import org.irsp.session.entity.ConnectionCommand;
import org.irsp.session.entity.LoginSession;

/** Token authentication, connId binding (§8.4), session end, and DELETE /sessions (§8.6). */
@ApplicationScoped
@Transactional
public class Sessions {

    @PersistenceContext EntityManager em;
    @Inject SessionSettings settings;
    @Inject ConnectionChannel connections;
    @Inject AuditLog audit;
    @Inject Clock clock;
    @Inject LastUse lastUse;
    @Inject Node node;

    public Caller authenticate(String token) {
        Instant now = clock.instant();
        LoginSession s = token == null ? null : byToken(token);
        if (s == null || !s.isActive(now, settings.idleTimeout())) {
            throw new IrspException(RetCode.UNAUTHORIZED, "missing, unknown or ended token");
        }
        if (s.isTouchDue(now)) {
            try {
                lastUse.record(s.connId(), now);
            } catch (EJBException concurrentlyRecorded) {
                // another request with this token recorded its use at the same moment
            }
        }
        return new Caller(s.entity(), s.connId());
    }

    /** §8.4 checks after the body: 481, 401, 409; a device's older connection is replaced (4001). */
    public Bound bind(String connId, String token, String clientAddress) {
        Instant now = clock.instant();
        LoginSession s = em.find(LoginSession.class, connId);
        if (s == null || !s.isInBindWindow(now, settings.bindWindow())) {
            throw new IrspException(RetCode.CONN_UNKNOWN, "connId unknown, ended or outside the bind window");
        }
        if (token == null || !s.hasTokenDigest(Tokens.digest(token))) {
            throw new IrspException(RetCode.UNAUTHORIZED, "token missing or not of this connId's session");
        }
        if (s.isBound()) {
            throw new IrspException(RetCode.CONFLICT, "connId already bound");
        }
        s.bind(now, node.name());
        s.cameFrom(clientAddress);
        try {
            em.flush();
        } catch (OptimisticLockException raced) {
            throw new IrspException(RetCode.CONFLICT, "connId already bound");
        }
        if (s.entity().type() == EntityType.DEVICE) {
            replaceOlderConnections(s, now);
        }
        return new Bound(s.entity(), connId, settings.heartbeatSeconds());
    }

    private void replaceOlderConnections(LoginSession bound, Instant now) {
        for (LoginSession older : boundSessionsOf(bound.entity())) {
            if (!older.connId().equals(bound.connId())) {
                older.end(now);
                connections.send(ConnectionCommand.close(bound.entity(), older.connId(), new Replaced(now), Ending.REPLACED));
            }
        }
    }

    /** The WebSocket of {@code connId} closed: the session and its token end (§8.3). */
    public void end(String connId) {
        LoginSession s = em.find(LoginSession.class, connId);
        if (s != null) {
            s.end(clock.instant());
        }
    }

    /** DELETE /sessions/{connId}: one's own session is a logout, another of the same entity a kick. */
    public void delete(String connId, Caller caller, String clientIp) {
        LoginSession s = em.find(LoginSession.class, connId);
        if (s == null || s.isEnded() || !s.entity().equals(caller.entity())) {
            throw new IrspException(RetCode.NOT_FOUND, "unknown session");
        }
        boolean own = connId.equals(caller.connId());
        boolean bound = s.isBound();
        s.end(clock.instant());
        if (bound) {
            connections.send(own
                    ? ConnectionCommand.close(s.entity(), connId, null, Ending.LOGOUT)
                    : ConnectionCommand.close(s.entity(), connId, null, Ending.KICKED));
        }
        audit.record(caller.entity().id(), clientIp, own ? "logout" : "kick", 200, connId);
    }

    public void onAccountDeleted(@Observes AccountDeleted deleted) {
        endAll(deleted.entity());
    }

    public void onAccountDisabled(@Observes AccountDisabled disabled) {
        endAll(disabled.entity());
    }

    public void onCredentialReset(@Observes CredentialReset reset) {
        endAll(reset.entity());
    }

    /** An administrator's kick: every session of the entity ends, its connections close with 4003. */
    public int kickAll(EntityRef entity, Operator by) {
        int ended = endAll(entity);
        audit.record(by.actor(), by.clientIp(), "admin.kick", 200, by.detail(entity.key() + " sessions=" + ended));
        return ended;
    }

    /** An administrator ends one session; a bound one's connection closes with 4003. */
    public void kick(String connId, Operator by) {
        LoginSession s = em.find(LoginSession.class, connId);
        if (s == null || s.isEnded()) {
            throw new IrspException(RetCode.NOT_FOUND, "unknown or ended session");
        }
        kicked(s, clock.instant());
        audit.record(by.actor(), by.clientIp(), "admin.kickSession", 200, by.detail(s.entity().key() + " connId=" + connId));
    }

    /**
     * The sessions that still work (bound, or unbound and not idle for longer than the timeout), newest
     * first, a page at a time (the console's list), and how many there are.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LiveSessions live(int page, int size) {
        String live = " from LoginSession s where s.endedAt is null and (s.boundAt is not null or s.lastUsedAt > :idleSince)";
        Instant idleSince = clock.instant().minus(settings.idleTimeout());
        long total = em.createQuery("select count(s)" + live, Long.class).setParameter("idleSince", idleSince).getSingleResult();
        List<LoginSession> sessions = em.createQuery("select s" + live + " order by s.createdAt desc, s.connId", LoginSession.class)
                .setParameter("idleSince", idleSince).setFirstResult(page * size).setMaxResults(size).getResultList();
        return new LiveSessions(sessions, total);
    }

    /** A page of live sessions and how many there are in all. */
    public record LiveSessions(List<LoginSession> sessions, long total) {}

    private int endAll(EntityRef entity) {
        Instant now = clock.instant();
        List<LoginSession> live = liveSessionsOf(entity);
        live.forEach(s -> kicked(s, now));
        return live.size();
    }

    /** The session ends; a bound one's connection closes with 4003, on whichever node holds it. */
    private void kicked(LoginSession s, Instant now) {
        if (s.isBound()) {
            connections.send(ConnectionCommand.close(s.entity(), s.connId(), null, Ending.KICKED));
        }
        s.end(now);
    }

    /**
     * At start-up no WebSocket of this node survives: the sessions its previous run left bound end now (and
     * those bound before sessions recorded their node). Other nodes' bindings are theirs.
     */
    public int endOrphanedBindings() {
        return em.createQuery("update LoginSession s set s.endedAt = :now where s.boundAt is not null and s.endedAt is null"
                        + " and (s.boundNode = :node or s.boundNode is null)")
                .setParameter("now", clock.instant())
                .setParameter("node", node.name())
                .executeUpdate();
    }

    /** The node a connection is bound on, while its session lasts (for a probe that reached another node). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> boundNodeOf(String connId) {
        LoginSession s = em.find(LoginSession.class, connId);
        return s == null || !s.isBound() || s.isEnded() ? Optional.empty() : Optional.ofNullable(s.boundNode());
    }

    /** The connIds a lost node bound before {@code lostAt}, with their entities: their sessions end (tokens stop working). */
    public List<Bound> endBindingsOf(String lostNode, Instant lostAt) {
        List<LoginSession> held = em.createQuery("select s from LoginSession s where s.boundNode = :node"
                        + " and s.boundAt <= :lostAt and s.endedAt is null", LoginSession.class)
                .setParameter("node", lostNode)
                .setParameter("lostAt", lostAt)
                .getResultList();
        Instant now = clock.instant();
        held.forEach(s -> s.end(now));
        return held.stream().map(s -> new Bound(s.entity(), s.connId(), 0)).toList();
    }

    private List<LoginSession> boundSessionsOf(EntityRef entity) {
        return liveSessionsOf(entity).stream().filter(LoginSession::isBound).toList();
    }

    private List<LoginSession> liveSessionsOf(EntityRef entity) {
        return em.createQuery("select s from LoginSession s where s.entityType = :t and s.entityId = :id and s.endedAt is null",
                        LoginSession.class)
                .setParameter("t", entity.type())
                .setParameter("id", entity.id())
                .getResultList();
    }

    private LoginSession byToken(String token) {
        return em.createQuery("select s from LoginSession s where s.tokenDigest = :d", LoginSession.class)
                .setParameter("d", Tokens.digest(token))
                .getResultStream().findFirst().orElse(null);
    }
}
