package org.irsp.protocol;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.irsp.nat.boundary.P2PSignalling;
import org.irsp.nat.control.SessionTokens;
import org.irsp.nat.entity.Candidate;
import org.irsp.messaging.boundary.OfflineDeliveries;
import org.irsp.presence.boundary.Presences;
import org.irsp.presence.control.PresenceDirectory;
import org.irsp.presence.entity.Bindings;
import org.irsp.cluster.control.Nodes;
import org.irsp.registration.entity.EntityRef;
import org.irsp.session.boundary.Sessions;
import org.irsp.session.control.LocalConnections;
import org.irsp.session.control.SessionSettings;
import org.irsp.session.entity.ConnectionCommand;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.irsp.telemetry.control.Meters;

/**
 * The WebSockets of this node: opened, bound (by connId and by entity), closed. Acts on connection
 * commands arriving over JMS, and closes connections that stay silent (4002) or unbound (4408) and the offline
 * inboxes of entities no longer bound here.
 */
@ApplicationScoped
public class ConnectionRegistry implements SessionTokens, LocalConnections {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class.getName());

    private final Map<String, Connection> bySession = new ConcurrentHashMap<>();
    private final Map<String, Connection> byConnId = new ConcurrentHashMap<>();
    private final Map<EntityRef, Set<Connection>> byEntity = new ConcurrentHashMap<>();

    @Inject Sessions sessions;
    @Inject Presences presences;
    @Inject SessionSettings settings;
    @Inject Instance<PendingResponses> pending;
    @Inject P2PSignalling p2p;
    @Inject OfflineDeliveries offline;
    @Inject PresenceDirectory directory;
    @Inject Nodes nodes;
    @Inject Meters meters;
    @Resource ManagedScheduledExecutorService scheduler;

    @Inject @ConfigProperty(name = "irsp.ws.rateFramesPerSecond", defaultValue = "200") int rate;
    @Inject @ConfigProperty(name = "irsp.ws.rateBurst", defaultValue = "400") int burst;
    @Inject @ConfigProperty(name = "irsp.ws.maxOutboundFrames", defaultValue = "1024") int maxOutbound;

    private ScheduledFuture<?> sweep;

    /** Made when the application starts, so that its gauges are there before the first connection. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // started by start()
    }

    @PostConstruct
    void start() {
        meters.gauge("irsp.connections.bound", "WebSocket connections bound to a session on this node", MetricUnits.NONE, this::boundCount);
        meters.gauge("irsp.connections.open", "WebSocket connections open on this node, bound or not", MetricUnits.NONE, this::openCount);
        meters.gauge("irsp.connections.queued_frames", "Frames waiting to be written to slow clients on this node",
                MetricUnits.NONE, this::queuedFrames);
        sweep = scheduler.scheduleWithFixedDelay(this::closeSilentConnections, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        sweep.cancel(false);
        bySession.values().forEach(c -> c.close(CloseCode.SHUTDOWN, null));
    }

    public Connection opened(Session session, String token, Candidate remoteAddress) {
        Connection c = new Connection(session, token, remoteAddress, new TokenBucket(rate, burst), maxOutbound, meters);
        bySession.put(session.getId(), c);
        return c;
    }

    public Connection of(Session session) {
        return bySession.get(session.getId());
    }

    /** The connection bound with {@code connId} on this node, or null. */
    public Connection bound(String connId) {
        return connId == null ? null : byConnId.get(connId);
    }

    /** §12.2: the AddrProbe MAC is keyed with the token of a connection bound here. */
    @Override
    public Optional<String> tokenOfBound(String connId) {
        return Optional.ofNullable(bound(connId)).map(Connection::token);
    }

    public int openCount() {
        return bySession.size();
    }

    /** Frames waiting for slow clients on this node. */
    public long queuedFrames() {
        return bySession.values().stream().mapToLong(Connection::queuedFrames).sum();
    }

    public int boundCount() {
        return byConnId.size();
    }

    /** The connections of {@code entity} bound on this node. */
    public List<Connection> connectionsOf(EntityRef entity) {
        return List.copyOf(byEntity.getOrDefault(entity, Set.of()));
    }

    /** Called once a bind succeeded: the connection becomes reachable by connId and entity. */
    public void bound(Connection c) {
        byConnId.put(c.bound().connId(), c);
        byEntity.computeIfAbsent(c.bound().entity(), e -> ConcurrentHashMap.newKeySet()).add(c);
    }

    public void closed(Session session) {
        Connection c = bySession.remove(session.getId());
        if (c == null || !c.isBound()) {
            return;
        }
        EntityRef entity = c.bound().entity();
        byConnId.remove(c.bound().connId());
        boolean lastHere = byEntity.computeIfPresent(entity, (e, set) -> {
            set.remove(c);
            return set.isEmpty() ? null : set;
        }) == null;
        try {
            if (lastHere) {
                offline.unbound(entity);
            }
            pending.get().closed(entity, c.bound().connId());
            sessions.end(c.bound().connId());
        } finally {
            try {
                presences.disconnected(entity, c.bound().connId(), c.closeReason() == null ? "timeout" : c.closeReason());
            } finally {
                p2p.closed(c.bound().connId()); // after presence: a P2P request either sees it gone or is told here
            }
        }
    }

    /**
     * A push to one connection: that connection is here; a push to an entity: every connection the
     * directory lists for it is. A close always takes a node's queue: closing runs the endpoint's close
     * handling (transactions of its own), which must not run inside the completion of the caller's.
     */
    @Override
    public boolean holdsAllFor(ConnectionCommand command) {
        if (command.kind() == ConnectionCommand.Kind.CLOSE) {
            return false;
        }
        if (command.connId() != null) {
            return byConnId.containsKey(command.connId());
        }
        return byConnId.keySet().containsAll(directory.of(command.entity()).connIds());
    }

    @Override
    public void carryOut(ConnectionCommand command) {
        onCommand(command);
    }

    @Override
    public Set<String> nodesFor(ConnectionCommand command) {
        Bindings bindings = directory.of(command.entity());
        if (command.connId() == null) {
            return bindings.nodeNames();
        }
        String node = bindings.nodeOf(command.connId());
        return node != null ? Set.of(node) : nodes.live();
    }

    /** A command from this node's queue, sent by this node or another. */
    public void onCommand(@Observes ConnectionCommand command) {
        if (command.kind() == ConnectionCommand.Kind.CLOSE) {
            Connection c = byConnId.get(command.connId());
            if (c != null) {
                if (command.push() != null) {
                    c.send(PushFrames.encode(command.push(), null, c.bound()));
                }
                c.closeReason(command.ending().reason());
                c.close(closeCode(command.ending()), command.ending().reason());
            }
            return;
        }
        for (Connection c : byEntity.getOrDefault(command.entity(), Set.of())) {
            boolean addressed = command.connId() == null || command.connId().equals(c.bound().connId());
            if (addressed && !c.bound().connId().equals(command.exceptConnId())) {
                c.whenReady(() -> deliver(c, command));
            }
        }
    }

    private static void deliver(Connection c, ConnectionCommand command) {
        String frame = PushFrames.encode(command.push(), null, c.bound());
        if (command.deliveryId() != null) {
            c.sendOnce(command.deliveryId(), frame);
        } else {
            c.send(frame);
        }
    }

    private void closeSilentConnections() {
        try {
            long now = System.nanoTime();
            long heartbeat = settings.heartbeatTimeout().toNanos();
            long bindWindow = settings.bindWindow().toNanos();
            for (Connection c : bySession.values()) {
                if (c.isClosing()) { // on its way out already; forced if it overflowed or cannot drain
                    c.closeIfOverdue(heartbeat);
                    continue;
                }
                if (c.isBound() && now - c.lastInboundNanos() > heartbeat) {
                    sessions.end(c.bound().connId()); // the token is dead before the client sees 4002
                    c.closeReason("timeout");
                    c.close(CloseCode.HEARTBEAT_TIMEOUT, "timeout");
                } else if (!c.isBound() && now - c.openedAtNanos() > bindWindow) {
                    c.close(CloseCode.BIND_TIMEOUT, null);
                }
            }
            offline.closeInboxesUnless(byEntity::containsKey);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "connection sweep failed", e);
        }
    }

    private static CloseCode closeCode(ConnectionCommand.Ending ending) {
        return switch (ending) {
            case REPLACED -> CloseCode.REPLACED;
            case LOGOUT -> CloseCode.LOGOUT;
            case KICKED -> CloseCode.KICKED;
        };
    }
}
