package org.irsp.cluster.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's Domain Data Grid (Hazelcast), when the server runs with it: IRSP is then one node of a
 * cluster, and what must be cluster-wide lives in the grid's maps and topics. Without it (a single node
 * started with {@code --nohazelcast}) {@link #isOn} is false and every structure stays in this JVM.
 */
@ApplicationScoped
public class Grid {

    private static final Logger LOG = Logger.getLogger(Grid.class.getName());
    /** Where Payara binds the grid's member (the default of {@code set-hazelcast-configuration}). */
    static final String JNDI_NAME = "payara/Hazelcast";

    @Resource
    ContextService contexts;

    private HazelcastInstance instance;
    private final Map<String, IMap<String, String>> maps = new ConcurrentHashMap<>();
    private final Map<String, ITopic<String>> topics = new ConcurrentHashMap<>();

    @PostConstruct
    void find() {
        try {
            instance = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
            LOG.info(() -> "the data grid is on: cluster mode, " + instance.getCluster().getMembers().size() + " member(s)");
        } catch (NamingException off) {
            instance = null;
        }
    }

    public boolean isOn() {
        return instance != null;
    }

    /** How many members the grid has, as this node sees it; 0 when this node's member is not running. */
    public int members() {
        return instance.getLifecycleService().isRunning() ? instance.getCluster().getMembers().size() : 0;
    }

    /** The grid's member in this JVM; only when {@link #isOn}. */
    public HazelcastInstance member() {
        if (instance == null) {
            throw new IllegalStateException("the data grid is off");
        }
        return instance;
    }

    /** A map shared by every node, of text keys and values (nothing of IRSP's classes crosses the grid). */
    public ConcurrentMap<String, String> map(String name) {
        return imap(name);
    }

    /**
     * The grid's structures are made on a thread outside any component invocation, so that Payara attaches no
     * tenant control to them: it would push the application's context (a CDI bean manager look-up that walks
     * the stack) around every operation the grid's partition threads run on them, 44 % of those threads' CPU
     * in a profile. IRSP keeps only text in the grid and its listeners need no container context. The thread
     * inherits nothing: Payara keeps the invocation in an inheritable thread local, so a thread started from a
     * request (a pooled fork-join worker too) would still count as inside it.
     */
    private IMap<String, String> imap(String name) {
        return maps.computeIfAbsent(name, n -> outsideInvocation(() -> member().<String, String>getMap(n)));
    }

    private ITopic<String> topic(String name) {
        return topics.computeIfAbsent(name, n -> outsideInvocation(() -> member().<String>getTopic(n)));
    }

    private static <T> T outsideInvocation(Supplier<T> make) {
        CompletableFuture<T> made = new CompletableFuture<>();
        Thread maker = new Thread(null, () -> {
            try {
                made.complete(make.get());
            } catch (RuntimeException | Error e) {
                made.completeExceptionally(e);
            }
        }, "irsp-grid-structure", 0, false);
        maker.setDaemon(true);
        maker.start();
        return made.join();
    }

    /** Puts into the shared map {@code map}; the entry leaves by itself after {@code seconds}. */
    public void putExpiring(String map, String key, String value, long seconds) {
        imap(map).put(key, value, seconds, TimeUnit.SECONDS);
    }

    /** Puts if {@code key} is absent (the entry leaves by itself after {@code seconds}); returns the value present, or null. */
    public String putIfAbsentExpiring(String map, String key, String value, long seconds) {
        return imap(map).putIfAbsent(key, value, seconds, TimeUnit.SECONDS);
    }

    /**
     * Sets {@code key}, without reading what it replaces and without waiting for the grid's answer (the entry
     * leaves by itself after {@code seconds}); a failure is logged.
     */
    public void setExpiringLater(String map, String key, String value, long seconds) {
        imap(map).setAsync(key, value, seconds, TimeUnit.SECONDS).whenComplete((done, failed) -> {
            if (failed != null) {
                LOG.log(Level.WARNING, "the data grid did not take " + key + " into " + map, failed);
            }
        });
    }

    /** Replaces {@code key}'s value if it is still {@code expected}; the entry then leaves by itself after {@code seconds}. */
    private boolean replaceExpiring(String map, String key, String expected, String value, long seconds) {
        IMap<String, String> m = imap(map);
        if (!m.replace(key, expected, value)) {
            return false;
        }
        m.setTtl(key, seconds, TimeUnit.SECONDS);
        return true;
    }

    /**
     * Changes {@code key}'s value ({@code null}: absent) by compare-and-replace, again on what another node
     * left while it did; the entry then leaves by itself after {@code seconds}. Returns the value it set.
     */
    public String update(String map, String key, UnaryOperator<String> change, long seconds) {
        return update(map, key, change, value -> seconds);
    }

    /**
     * As {@link #update(String, String, UnaryOperator, long)}, the entry's time to live taken from the value
     * it gets. Nothing is written when {@code change} leaves the value as it was.
     */
    public String update(String map, String key, UnaryOperator<String> change, ToLongFunction<String> seconds) {
        IMap<String, String> m = imap(map);
        while (true) {
            String before = m.get(key);
            String after = change.apply(before);
            if (Objects.equals(before, after)) {
                return after;
            }
            boolean done = before == null ? m.putIfAbsent(key, after, seconds.applyAsLong(after), TimeUnit.SECONDS) == null
                    : after == null ? m.remove(key, before)
                    : replaceExpiring(map, key, before, after, seconds.applyAsLong(after));
            if (done) {
                return after;
            }
        }
    }

    public void remove(String map, String key) {
        imap(map).delete(key);
    }

    /** Removes {@code key}, without waiting for the grid's answer. */
    public void removeLater(String map, String key) {
        imap(map).removeAsync(key).whenComplete((gone, failed) -> {
            if (failed != null) {
                LOG.log(Level.WARNING, "the data grid did not remove " + key + " from " + map, failed);
            }
        });
    }

    /** Sends {@code message} to every node's {@link #subscribe subscribers} of {@code topic}, this one's included. */
    public void broadcast(String topic, String message) {
        topic(topic).publish(message);
    }

    /** Calls {@code receiver} for each message broadcast on {@code topic}, on a grid thread with the application's context. */
    public void subscribe(String topic, Consumer<String> receiver) {
        Consumer<String> inContext = contexts.contextualConsumer(receiver);
        topic(topic).addMessageListener(m -> inContext.accept(m.getMessageObject()));
    }
}
