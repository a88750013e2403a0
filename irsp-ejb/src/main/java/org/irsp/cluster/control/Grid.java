package org.irsp.cluster.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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

    private HazelcastInstance instance;

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
        return member().getMap(name);
    }

    /** Puts into the shared map {@code map}; the entry leaves by itself after {@code seconds}. */
    public void putExpiring(String map, String key, String value, long seconds) {
        member().<String, String>getMap(map).put(key, value, seconds, TimeUnit.SECONDS);
    }

    /** Puts if {@code key} is absent (the entry leaves by itself after {@code seconds}); returns the value present, or null. */
    public String putIfAbsentExpiring(String map, String key, String value, long seconds) {
        return member().<String, String>getMap(map).putIfAbsent(key, value, seconds, TimeUnit.SECONDS);
    }

    /** Sets {@code key}, without reading what it replaces (the entry leaves by itself after {@code seconds}). */
    public void setExpiring(String map, String key, String value, long seconds) {
        member().<String, String>getMap(map).set(key, value, seconds, TimeUnit.SECONDS);
    }

    public void remove(String map, String key) {
        member().<String, String>getMap(map).delete(key);
    }

    /** Sends {@code message} to every node's {@link #subscribe subscribers} of {@code topic}, this one's included. */
    public void broadcast(String topic, String message) {
        member().<String>getTopic(topic).publish(message);
    }

    /** Calls {@code receiver} (on a grid thread: no container context) for each message broadcast on {@code topic}. */
    public void subscribe(String topic, Consumer<String> receiver) {
        ITopic<String> t = member().getTopic(topic);
        t.addMessageListener(m -> receiver.accept(m.getMessageObject()));
    }
}
