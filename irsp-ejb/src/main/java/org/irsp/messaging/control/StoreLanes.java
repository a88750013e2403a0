package org.irsp.messaging.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The offline store's durable sends, made so that a sender need not wait for one before making the next:
 * one plain Artemis connection with {@value #LANES} non-transacted sessions ("lanes"), each with one
 * producer. A recipient's items always take the same lane, in the order they are handed in, so its queue
 * holds them in that order. {@link #send} returns once the message is on its way; its future completes
 * when the broker has written it to its journal (a confirmation window, so that the broker answers every
 * send, and a {@link CompletionListener}). Sends in flight together share the journal's writes and syncs:
 * what makes one connection's stream of stores, and many senders' stores, cheaper than one synchronous
 * send each.
 *
 * <p>A broker that goes away fails every send not yet confirmed (its sender is told 503; the item may or
 * may not have been stored, and a retry is answered from the duplicate window or stored again) and the
 * next send connects anew.
 */
@ApplicationScoped
public class StoreLanes {

    static final int LANES = 4;
    static final int CONFIRM_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(StoreLanes.class.getName());

    /** Makes the message on the lane's session. */
    public interface Making {
        Message make(Session session) throws JMSException;
    }

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory adapter;

    @Inject
    Destinations destinations;

    private final List<Lane> lanes = IntStream.range(0, LANES).mapToObj(i -> new Lane()).toList();
    private Connection connection;

    /**
     * Sends a persistent message to {@code queue}; the future completes once the broker has stored it, or
     * fails with a {@link JMSRuntimeException}: the send failed, the broker went away, or it did not
     * confirm within {@value #CONFIRM_SECONDS} s (as the adapter's calls time out).
     */
    public CompletableFuture<Void> send(String recipientKey, String queue, long ttlMillis, Making making) {
        Lane lane = lanes.get(Math.floorMod(recipientKey.hashCode(), LANES));
        CompletableFuture<Void> stored = new CompletableFuture<>();
        synchronized (lane) {
            try {
                lane.open(this);
                Message m = making.make(lane.session);
                lane.pending.add(stored);
                lane.producer.send(destinations.queue(lane.session, queue), m, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                        ttlMillis, new Confirmation(lane, stored));
            } catch (JMSException | RuntimeException notSent) {
                lane.pending.remove(stored);
                stored.completeExceptionally(notSent);
                lane.close();
            }
        }
        return stored.orTimeout(CONFIRM_SECONDS, TimeUnit.SECONDS).handle((done, failed) -> {
            if (failed == null) {
                return null;
            }
            Throwable cause = failed instanceof CompletionException c && c.getCause() != null ? c.getCause() : failed;
            throw cause instanceof JMSRuntimeException r ? r : new JMSRuntimeException("not stored: " + cause, null, cause);
        });
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            ActiveMQConnectionFactory f = PlainFactory.of(adapter);
            f.setConfirmationWindowSize(1024 * 1024); // the broker confirms every send once it is in the journal
            Connection c = f.createConnection();
            c.setExceptionListener(this::lost);
            c.start();
            connection = c;
        }
        return connection;
    }

    /** The connection failed: every lane's unconfirmed sends fail, and the next send connects anew. */
    private void lost(JMSException cause) {
        LOG.log(Level.WARNING, "offline store lanes lost the broker: {0}", cause.toString());
        lanes.forEach(lane -> {
            synchronized (lane) {
                lane.close();
                lane.fail(cause);
            }
        });
        forget();
    }

    private synchronized void forget() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException | RuntimeException alreadyGone) {
                // nothing more to release
            }
            connection = null;
        }
    }

    @PreDestroy
    void stop() {
        forget();
    }

    /** One session and its producer, used under the lane's lock; the sends it has not had confirmed. */
    private static final class Lane {
        Session session;
        MessageProducer producer;
        final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();

        void open(StoreLanes owner) throws JMSException {
            if (session == null) {
                session = owner.connection().createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(null);
            }
        }

        void close() {
            if (session != null) {
                try {
                    session.close();
                } catch (JMSException | RuntimeException alreadyGone) {
                    // the connection is going or gone
                }
                session = null;
                producer = null;
            }
        }

        void fail(Exception cause) {
            pending.forEach(f -> f.completeExceptionally(cause));
            pending.clear(); // what a late confirmation completes now changes nothing: a future completes once
        }
    }

    private record Confirmation(Lane lane, CompletableFuture<Void> stored) implements CompletionListener {
        @Override
        public void onCompletion(Message message) {
            forget();
            stored.complete(null);
        }

        @Override
        public void onException(Message message, Exception exception) {
            forget();
            stored.completeExceptionally(exception);
        }

        private void forget() {
            lane.pending.remove(stored); // not under the lane's lock: a sender may hold it, waiting for credits
        }
    }
}
