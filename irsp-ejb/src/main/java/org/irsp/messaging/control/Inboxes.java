package org.irsp.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.irsp.messaging.entity.InboxCommand;
import org.irsp.registration.entity.EntityRef;

/**
 * The {@link Inbox}es this node holds: one per entity bound here whose queue has been read, opened at
 * bind or at the first Ack and closed when the entity's last connection on this node closes. They share
 * one plain Artemis connection ({@link InboxConnection}); when it fails every inbox is dropped and the broker
 * returns their items to the queues. In a cluster, opening an
 * inbox claims the entity's queue for this node ({@link InboxReaders}) and tells the node that read it
 * until then to close its own, so one consumer holds all of a queue's items.
 */
@ApplicationScoped
public class Inboxes {

    /** What is done with an inbox, under its lock. */
    public interface Use<T> {
        T apply(Inbox inbox) throws JMSException;
    }

    private final Map<EntityRef, Inbox> open = new ConcurrentHashMap<>();

    @Inject
    InboxConnection connection;

    @Inject
    InboxReaders readers;

    @PostConstruct
    void listen() {
        connection.whenLost(() -> open.keySet().forEach(this::close));
    }

    /**
     * Runs {@code use} on the entity's inbox, opening it if needed. With {@code bound}, the inbox stays open
     * for the entity's connections on this node; otherwise one opened for this use closes after it.
     */
    public <T> T with(EntityRef entity, boolean bound, Use<T> use) {
        while (true) {
            Inbox inbox = open.get(entity);
            if (inbox == null) {
                inbox = opened(entity);
            }
            synchronized (inbox) {
                if (inbox.closed) {
                    continue; // closed meanwhile by the last connection's close: open anew
                }
                inbox.bound |= bound;
                boolean failed = true;
                try {
                    T result = use.apply(inbox);
                    failed = false;
                    return result;
                } catch (JMSException e) {
                    throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
                } finally {
                    if (failed || !inbox.bound) {
                        discard(entity, inbox);
                    }
                }
            }
        }
    }

    /**
     * How many items the broker holds for the entity, expired ones not yet moved to irsp.expired among them:
     * one query, no inbox opened and no claim to read the queue taken from the node that reads it.
     */
    public long depth(EntityRef entity) {
        return connection.depth(OfflineQueue.queueName(entity));
    }

    /**
     * Whether the entity's queue surely holds nothing: no inbox open for it here and a queue the broker
     * counts empty (or has never made). Asked before a bind opens an inbox, so that an entity with nothing
     * stored costs no session, consumer or queue on the broker while it is bound (most of what a bound
     * connection held); one query on a shared session, not a consumer. An item sent meanwhile is there at
     * the next bind, as it would be had the inbox been open (a receive that has passed does not see it).
     */
    public boolean surelyEmpty(EntityRef entity) {
        if (holds(entity)) {
            return false;
        }
        return connection.queueEmpty(OfflineQueue.queueName(entity));
    }

    /** Whether an inbox (a session and consumer on the broker) is open here for the entity. */
    public boolean holds(EntityRef entity) {
        return open.containsKey(entity);
    }

    /** The entity's last connection on this node is gone: its unacknowledged items go back to the queue. */
    public void close(EntityRef entity) {
        Inbox inbox = open.get(entity);
        if (inbox != null) {
            synchronized (inbox) {
                discard(entity, inbox);
            }
        }
    }

    /**
     * Closes the inboxes of entities no longer bound here: one an Ack reopened after the last connection
     * had closed (a close the server started on another thread, racing that connection's Ack) would
     * otherwise hold a consumer and its items until the entity's next connection here closes.
     */
    public void closeUnless(Predicate<EntityRef> boundHere) {
        open.keySet().stream().filter(boundHere.negate()).toList().forEach(this::close);
    }

    private void discard(EntityRef entity, Inbox inbox) {
        if (open.remove(entity, inbox)) {
            readers.released(entity);
        }
        inbox.close();
    }

    /**
     * Opens an inbox for the entity and claims its queue for this node; the node that read it until now is
     * told to close its own, so that its items come here (the first read waits for them, see {@link Inbox}).
     */
    private Inbox opened(EntityRef entity) {
        Inbox made;
        try {
            made = new Inbox(connection.get(), OfflineQueue.queueName(entity));
        } catch (JMSException e) {
            throw connection.failed(e);
        }
        Inbox raced = open.putIfAbsent(entity, made);
        if (raced != null) {
            made.close();
            return raced;
        }
        readers.claim(entity).ifPresent(previous -> connection.tell(previous, new InboxCommand(InboxCommand.Kind.RELEASE, entity, null)));
        return made;
    }

    @PreDestroy
    void stop() {
        open.clear();
    }
}
