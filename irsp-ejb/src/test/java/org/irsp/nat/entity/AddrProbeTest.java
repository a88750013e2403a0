package org.irsp.nat.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AddrProbeTest {

    private static final String CONN = "Yx3kP0sQ8vT2mW9aLr4nBg";
    private static final String NONCE = "kq3Zm9vYmFyYmF6cXV1eA";

    private static Optional<AddrProbe> parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return AddrProbe.parse(b, b.length);
    }

    @Test
    void aWellFormedProbeIsRead() {
        assertEquals(Optional.of(new AddrProbe(CONN, NONCE + "x")),
                parse("{\"type\":\"AddrProbe\",\"connId\":\"" + CONN + "\",\"nonce\":\"" + NONCE + "x\",\"extra\":1}"));
    }

    @Test
    void anythingElseIsNotAProbe() {
        assertFalse(parse("not json").isPresent());
        assertFalse(parse("[1,2]").isPresent());
        assertFalse(parse("{\"type\":\"AddrProbeResponse\",\"connId\":\"" + CONN + "\",\"nonce\":\"" + NONCE + "x\"}").isPresent());
        assertFalse(parse("{\"type\":\"AddrProbe\",\"connId\":\"" + CONN + "\",\"nonce\":\"short\"}").isPresent());
        assertFalse(parse("{\"type\":\"AddrProbe\",\"connId\":7,\"nonce\":\"" + NONCE + "x\"}").isPresent());
        assertFalse(parse("{\"type\":\"AddrProbe\",\"connId\":\"" + CONN + "\",\"nonce\":\"" + NONCE + "x\",\"pad\":\""
                + "x".repeat(512) + "\"}").isPresent(), "over 512 bytes");
    }

    @Test
    void theReplyCarriesTheObservationUnderAMacOfNonceIpAndPort() {
        String reply = new String(new AddrProbe(CONN, NONCE + "x").reply("token", "198.51.100.20", 40112), StandardCharsets.UTF_8);
        assertTrue(reply.contains("\"ip\":\"198.51.100.20\"") && reply.contains("\"port\":40112"));
        assertTrue(reply.contains("\"mac\":\"" + ProbeMac.addrProbe("token", NONCE + "x", "198.51.100.20", 40112) + "\""));
    }

    @Test
    void theMacIsHmacSha256InBase64url() {
        // RFC 4231 test case 2: key "Jefe" (base64url "SmVmZQ"), data "what do ya want for nothing?"
        assertEquals("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM", ProbeMac.p2pProbe("SmVmZQ", "what do ya want for nothing?"));
        assertTrue(ProbeMac.same("abc", "abc"));
        assertFalse(ProbeMac.same("abc", "abd"));
        assertFalse(ProbeMac.same("abc", null));
    }
}
