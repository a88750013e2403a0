package org.irsp.client.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealerTest {

    private static final String KEY = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA"; // 32 bytes
    private final Sealer sealer = new Sealer(KEY, "c4a2");
    private final byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatOneRoleSealsThePeerOpens() {
        byte[] sealed = sealer.seal(hello, "requester");
        assertArrayEquals(hello, new Sealer(KEY, "c4a2").open(sealed, sealed.length, "requester"));
    }

    @Test
    void aReflectedTamperedOrForeignDatagramDoesNotOpen() {
        byte[] sealed = sealer.seal(hello, "requester");
        assertNull(sealer.open(sealed, sealed.length, "responder"), "reflected back to its sender");
        assertNull(new Sealer(KEY, "other-request").open(sealed, sealed.length, "requester"), "another session");
        sealed[sealed.length - 1] ^= 1;
        assertNull(sealer.open(sealed, sealed.length, "requester"), "tampered");
        assertNull(sealer.open(new byte[5], 5, "requester"), "too short");
    }
}
