package org.irsp.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * The JMS destinations IRSP sends to, kept once made. Artemis's client asks the broker about a
 * destination object it has not sent to before: {@code createQueue} queries the queue, and the first send
 * queries the address and the queue again. Each is a round trip the sender waits for, and the address
 * query matches the name against every binding the broker has (its cost grows with the number of
 * offline queues, that is, with the number of entities). A destination kept here is checked once per
 * node, so a store or a publish is one send. Bounded: past {@value #MAX_ENTRIES} names it starts again.
 *
 * <p>A kept destination is not checked again: an offline queue deleted by hand while IRSP runs is not
 * made again on the next store; the broker then routes the item to {@code irsp.dead} (the offline
 * addresses' {@code send-to-dla-on-no-route}), where it is kept, not lost.
 */
@ApplicationScoped
public class Destinations {

    static final int MAX_ENTRIES = 100_000;

    private final Map<String, Destination> known = new ConcurrentHashMap<>();

    public Destination queue(JMSContext jms, String name) {
        return kept("queue:" + name, name, jms, JMSContext::createQueue);
    }

    /** The same kept queue, made on a plain session if it is not known yet. */
    public Destination queue(Session session, String name) throws JMSException {
        Destination d = known.get("queue:" + name);
        return d != null ? d : kept("queue:" + name, name, null, (unused, n) -> {
            try {
                return session.createQueue(n);
            } catch (JMSException e) {
                throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
            }
        });
    }

    public Destination topic(JMSContext jms, String name) {
        return kept("topic:" + name, name, jms, JMSContext::createTopic);
    }

    private Destination kept(String key, String name, JMSContext jms, BiFunction<JMSContext, String, Destination> make) {
        Destination d = known.get(key);
        if (d == null) {
            if (known.size() >= MAX_ENTRIES) {
                known.clear();
            }
            d = make.apply(jms, name);
            known.put(key, d);
        }
        return d;
    }
}
