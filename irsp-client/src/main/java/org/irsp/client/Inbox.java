package org.irsp.client;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Frames received and not yet taken, in arrival order. A reader takes the first frame it wants and
 * leaves the others for later readers: waiting for one kind of frame never loses another. Frames nobody
 * takes do not pile up without bound: beyond {@code capacity} the oldest gives way.
 */
final class Inbox {

    static final int CAPACITY = 10_000;

    private final ArrayDeque<JsonObject> frames = new ArrayDeque<>();
    private final int capacity;

    Inbox(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(JsonObject frame) {
        if (frames.size() == capacity) {
            frames.poll();
        }
        frames.add(frame);
        notifyAll();
    }

    /** The first frame {@code wanted} accepts, waiting up to {@code timeout} for one; null if none came. */
    synchronized JsonObject take(Predicate<JsonObject> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                for (Iterator<JsonObject> i = frames.iterator(); i.hasNext();) {
                    JsonObject f = i.next();
                    if (wanted.test(f)) {
                        i.remove();
                        return f;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
