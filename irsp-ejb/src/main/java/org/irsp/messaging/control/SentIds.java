package org.irsp.messaging.control;

import java.util.HexFormat;
import java.util.function.Consumer;
import org.irsp.messaging.control.DuplicateWindow.Outcome;

/**
 * One entity's msgIds in the duplicate window, oldest first, with no object per msgId: a msgId is kept as
 * a 128-bit hash, and its claim time, reply type, RetCode and reply body sit in parallel arrays used as a
 * ring (the oldest goes first when the ring is full), found through an open-addressing index. Held as
 * objects, every msgId of a busy entity was copied by each young collection until it was old enough to be
 * promoted, which made G1's pauses (docs/BENCHMARKS.md). Two msgIds of one entity with the same 128-bit
 * hash would be taken for one; only the entity that chose them could be refused for it. A msgId pushed out
 * by a newer one when the ring is full is told to {@code pushedOut} as its {@link #digest}. Not thread-safe:
 * {@link DuplicateWindow} holds the monitor.
 */
final class SentIds {

    private static final int PENDING = -1;
    private static final int FORGOTTEN = -2;
    private static final int SMALLEST = 2; // most entities send few messages between two prunings

    private static final HexFormat HEX = HexFormat.of();

    private final int max;
    private final Consumer<String> pushedOut;
    private long[] hashes;      // two per slot
    private long[] times;       // claim time, epoch millis
    private int[] codes;        // the first reply's RetCode, PENDING or FORGOTTEN
    private String[] types;     // the first reply's type
    private Object[] bodies;    // the first reply's body, or null
    private int[] index;        // slot + 1 per bucket, 0 for an empty bucket
    private int head;           // the oldest slot
    private int size;           // slots in use from head on, forgotten ones included
    private int forgotten;      // forgotten slots among them

    SentIds(int max) {
        this(max, digest -> { });
    }

    SentIds(int max, Consumer<String> pushedOut) {
        this.max = Math.max(1, max);
        this.pushedOut = pushedOut;
        resize(Math.min(SMALLEST, this.max));
    }

    /** A msgId as 32 hex digits of the 128-bit hash it is kept as. */
    static String digest(String msgId) {
        return digest(hash1(msgId), hash2(msgId));
    }

    private static String digest(long h1, long h2) {
        return HEX.toHexDigits(h1) + HEX.toHexDigits(h2);
    }

    /** The earlier outcome if msgId was claimed after {@code since}; otherwise records it as pending. */
    Outcome claim(String msgId, long now, long since) {
        long h1 = hash1(msgId);
        long h2 = hash2(msgId);
        int s = find(h1, h2);
        if (s >= 0 && times[s] > since) {
            return new Outcome(types[s], codes[s] == PENDING ? 0 : codes[s], bodies[s], times[s]);
        }
        if (s >= 0) {
            forget(s);
        }
        if (size == codes.length && codes.length >= max && forgotten == 0) {
            pushedOut.accept(digest(hashes[2 * head], hashes[2 * head + 1])); // append drops it
        }
        append(h1, h2, now);
        return null;
    }

    /** Forgets msgId if it is still pending. */
    void release(String msgId) {
        int s = find(hash1(msgId), hash2(msgId));
        if (s >= 0 && codes[s] == PENDING) {
            forget(s);
        }
    }

    void settle(String msgId, String type, int retCode, Object body) {
        int s = find(hash1(msgId), hash2(msgId));
        if (s >= 0) {
            types[s] = type;
            codes[s] = retCode;
            bodies[s] = body;
        }
    }

    /** Forgets the settled msgIds claimed before {@code cutoff} from the oldest on; true when none is left. */
    boolean prune(long cutoff) {
        while (size > 0 && (codes[head] == FORGOTTEN || (codes[head] != PENDING && times[head] < cutoff))) {
            dropOldest();
        }
        if (size == 0) {
            return true; // the window goes as a whole: no smaller arrays for it
        }
        if (size * 4 < codes.length && codes.length > SMALLEST) {
            resize(Math.max(SMALLEST, size * 2));
        }
        return false;
    }

    /** The msgIds remembered. */
    int size() {
        return size - forgotten;
    }

    private void append(long h1, long h2, long now) {
        if (size == codes.length) {
            if (codes.length < max) {
                resize((int) Math.min(max, 2L * codes.length));
            } else if (forgotten > 0) {
                resize(codes.length); // the slots of released msgIds back; releases are rare
            } else {
                dropOldest();
            }
        }
        int s = (head + size) % codes.length;
        hashes[2 * s] = h1;
        hashes[2 * s + 1] = h2;
        times[s] = now;
        codes[s] = PENDING;
        size++;
        int b = home(s);
        while (index[b] != 0) {
            b = (b + 1) & (index.length - 1);
        }
        index[b] = s + 1;
    }

    private void dropOldest() {
        if (codes[head] != FORGOTTEN) {
            forget(head);
        }
        forgotten--;
        head = (head + 1) % codes.length;
        size--;
    }

    private void forget(int s) {
        unindex(s);
        forgotten++;
        codes[s] = FORGOTTEN;
        types[s] = null;
        bodies[s] = null;
    }

    private int find(long h1, long h2) {
        int mask = index.length - 1;
        for (int b = bucket(h1); index[b] != 0; b = (b + 1) & mask) {
            int s = index[b] - 1;
            if (hashes[2 * s] == h1 && hashes[2 * s + 1] == h2) {
                return s;
            }
        }
        return -1;
    }

    /** Takes slot s out of the index, shifting the entries after it back (linear probing without tombstones). */
    private void unindex(int s) {
        int mask = index.length - 1;
        int i = home(s);
        while (index[i] != s + 1) {
            i = (i + 1) & mask;
        }
        index[i] = 0;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int k = home(index[j] - 1);
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                index[i] = index[j];
                index[j] = 0;
                i = j;
            }
        }
    }

    private int home(int s) {
        return bucket(hashes[2 * s]);
    }

    private int bucket(long h1) {
        return (int) (h1 ^ (h1 >>> 32)) & (index.length - 1);
    }

    /** New arrays of {@code capacity} slots holding the live slots oldest first, and a new index. */
    private void resize(int capacity) {
        long[] oldHashes = hashes;
        long[] oldTimes = times;
        int[] oldCodes = codes;
        String[] oldTypes = types;
        Object[] oldBodies = bodies;
        int oldHead = head;
        int oldSize = size;
        hashes = new long[2 * capacity];
        times = new long[capacity];
        codes = new int[capacity];
        types = new String[capacity];
        bodies = new Object[capacity];
        index = new int[Integer.highestOneBit(capacity) * 4];
        head = 0;
        size = 0;
        forgotten = 0;
        for (int k = 0; k < oldSize; k++) {
            int o = (oldHead + k) % oldCodes.length;
            if (oldCodes[o] != FORGOTTEN) {
                append(oldHashes[2 * o], oldHashes[2 * o + 1], oldTimes[o]);
                codes[size - 1] = oldCodes[o];
                types[size - 1] = oldTypes[o];
                bodies[size - 1] = oldBodies[o];
            }
        }
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser. */
    static long hash1(String msgId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < msgId.length(); i++) {
            h = (h ^ msgId.charAt(i)) * 0x100000001b3L;
        }
        return mix(h ^ msgId.length());
    }

    /** A polynomial hash with another multiplier and seed, then the same finaliser. */
    static long hash2(String msgId) {
        long h = 0x9e3779b97f4a7c15L;
        for (int i = 0; i < msgId.length(); i++) {
            h = h * 0xc2b2ae3d27d4eb4fL + msgId.charAt(i) + 1;
        }
        return mix(h + msgId.length());
    }

    private static long mix(long h) {
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
