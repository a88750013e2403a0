package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import org.irsp.client.IrspRest;
import org.irsp.client.IrspSocket;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Limits the shared test server relaxes, on a server of their own (failsafe execution strict-limits). */
@ExtendWith(IrspServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrictLimitsIT {

    @Test
    @Order(1)
    void theEleventhRegistrationFromOneAddressWithinAMinuteIs429() {
        IrspRest rest = Fixtures.rest();
        for (int i = 0; i < 10; i++) {
            // cheap refusals count too: the throttle runs before the body is read (Table 1 order)
            assertEquals(421, rest.post("users", Json.createObjectBuilder().add("userId", "x").add("password", "p").build()).retCode());
        }
        RestReply limited = rest.post("users", Json.createObjectBuilder().add("userId", "x").add("password", "p").build());
        assertEquals(429, limited.retCode());
        assertEquals(429, limited.status());
        int retryAfter = Integer.parseInt(limited.detail("retryAfter"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61);
        assertEquals(String.valueOf(retryAfter), limited.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    @Order(2)
    void withoutAllowPlainHttpPlainRequestsAndUpgradesAreRefused() throws Exception {
        IrspServer.restart("-Dirsp.tls.allowPlainHttp=false");
        RestReply refused = Fixtures.rest().post("users", Json.createObjectBuilder().add("userId", "plainuser").build());
        assertEquals(403, refused.status());
        assertEquals(403, refused.retCode());
        try {
            IrspSocket ws = IrspSocket.open(IrspServer.uri(), null);
            assertEquals(null, ws.subprotocol() == null ? null : ws.closeCode(Duration.ofSeconds(1)));
            throw new AssertionError("the WebSocket upgrade was accepted over plain HTTP");
        } catch (java.util.concurrent.CompletionException expected) {
            assertTrue(expected.getCause() instanceof java.net.http.WebSocketHandshakeException);
        }
    }
}
