package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
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
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** Limits the shared test server relaxes, on a server of their own (failsafe execution strict-limits). */
@ExtendWith(IrspServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StrictLimitsIT {

    /** A self-signed device certificate (base64 DER). */
    /** The device the first test registered, for later tests (this address's registrations run out). */
    private static String validDevice;

    private static final String CERTIFICATE = "MIIBQjCB6aADAgECAggVKeplPM8TgDAKBggqhkjOPQQDAjAWMRQwEgYDVQQDEwtkZXZpY2UtdGVzdDAeFw0yNjExMjUwMTE3MDdaFw0zNjExMjIwMTE3MDdaMBYxFDASBgNVBAMTC2RldmljZS10ZXN0MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEjXIvRfwlviNeFje7csTLmIRNo/qokhrgoIwF1KyZCwK8TfVdne7FzaWyIcP0g2g3YcrM+zUkdv1VrZIO0En5OqMhMB8wHQYDVR0OBBYEFPwmtcXu6KGqf3bMcAk4ZFdd7i+rMAoGCCqGSM49BAMCA0gAMEUCIQCGO36j75GJvTm9q1u0xMB2P4CsUKClRGzecbgZPNu6IQIgD3jwUCrWO6s3eSa7tbqdEsJ7sZEJpjrRLCtWm2goR+M=";

    @Test
    @Order(1)
    void deviceValidationRefusesUnacceptedTypesAndMissingOrBadCertificatesWith423() {
        IrspRest rest = Fixtures.rest();
        RestReply type = rest.post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("deviceType", "urn:IGRS:DeviceType:Toaster:1").add("certificate", CERTIFICATE).build());
        assertEquals(423, type.retCode());
        assertEquals("deviceType", type.detail("field"));
        RestReply missing = rest.post("devices", Fixtures.device(Fixtures.newDeviceId()));
        assertEquals(423, missing.retCode());
        assertEquals("certificate", missing.detail("field"));
        RestReply garbage = rest.post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("certificate", "bm90IGEgY2VydA==").build());
        assertEquals("certificate", garbage.detail("field"));
        RestReply accepted = rest.post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId()))
                .add("certificate", CERTIFICATE).build());
        assertEquals(200, accepted.retCode());
        validDevice = accepted.body().getString("deviceId");
    }

    @Test
    @Order(2)
    void aWebSocketFromAnOriginNotAllowedIsRefusedAtTheUpgrade() {
        IrspSocket allowed = IrspSocket.open(IrspServer.uri(), "", null, IrspSocket.SUBPROTOCOL,
                Map.of("Origin", "https://console.example"));
        allowed.close();
        try {
            IrspSocket.open(IrspServer.uri(), "", null, IrspSocket.SUBPROTOCOL, Map.of("Origin", "https://evil.example"));
            throw new AssertionError("the upgrade from a foreign Origin was accepted");
        } catch (CompletionException expected) {
            var refused = (WebSocketHandshakeException) expected.getCause();
            assertEquals(403, refused.getResponse().statusCode());
        }
    }

    @Test
    @Order(3)
    void registrationsFromOneAddressAreLimitedPerMinute() {
        IrspRest rest = Fixtures.rest();
        // the earlier tests of this class registered from this address too; cheap refusals count as well,
        // since the throttle runs before the body is read (Table 1 order)
        RestReply limited = null;
        for (int i = 0; i < 11 && limited == null; i++) {
            RestReply r = rest.post("users", Json.createObjectBuilder().add("userId", "x").add("password", "p").build());
            if (r.retCode() == 429) {
                limited = r;
            } else {
                assertEquals(421, r.retCode());
            }
        }
        assertTrue(limited != null, "no 429 within 11 registrations");
        assertEquals(429, limited.retCode());
        assertEquals(429, limited.status());
        int retryAfter = Integer.parseInt(limited.detail("retryAfter"));
        assertTrue(retryAfter >= 1 && retryAfter <= 61);
        assertEquals(String.valueOf(retryAfter), limited.headers().firstValue("Retry-After").orElse(""));
    }

    @Test
    @Order(4)
    void aBurstOfLoginsBeyondTheHashingQueueGets503RetryAfter() throws Exception {
        IrspRest rest = Fixtures.rest();
        String device = validDevice;
        var pool = Executors.newFixedThreadPool(12);
        try {
            var logins = new ArrayList<Future<RestReply>>();
            for (int i = 0; i < 12; i++) {
                logins.add(pool.submit(() -> rest.post("sessions", Json.createObjectBuilder().add("type", "device")
                        .add("id", device).add("secret", Fixtures.SECRET).build())));
            }
            int unavailable = 0;
            for (var login : logins) {
                RestReply r = login.get(60, TimeUnit.SECONDS);
                if (r.retCode() == 503) {
                    unavailable++;
                    assertEquals(503, r.status());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                } else {
                    assertEquals(200, r.retCode());
                }
            }
            assertTrue(unavailable > 0, "twelve concurrent logins never saturated a pool of one queue slot");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(5)
    void withoutAllowPlainHttpPlainRequestsAndUpgradesAreRefused() throws Exception {
        IrspServer.restart("-Dirsp.tls.allowPlainHttp=false");
        RestReply refused = Fixtures.rest().post("users", Json.createObjectBuilder().add("userId", "plainuser").build());
        assertEquals(403, refused.status());
        assertEquals(403, refused.retCode());
        try {
            IrspSocket ws = IrspSocket.open(IrspServer.uri(), null);
            assertEquals(null, ws.subprotocol() == null ? null : ws.closeCode(Duration.ofSeconds(1)));
            throw new AssertionError("the WebSocket upgrade was accepted over plain HTTP");
        } catch (CompletionException expected) {
            assertTrue(expected.getCause() instanceof WebSocketHandshakeException);
        }
    }

    @Test
    @Order(6)
    void overTlsWithTheOperatorsKeystoreRestAndWebSocketWork() throws Exception {
        SSLContext tls = TestKeystore.clientContext(Path.of(System.getProperty("irsp.it.dir", "target/it")));
        IrspRest rest = new IrspRest(IrspServer.httpsUri(), tls);
        String user = "tlsuser" + System.nanoTime() % 100000;
        assertEquals(200, rest.post("users", Json.createObjectBuilder().add("userId", user).add("password", Fixtures.PASSWORD).build()).status());
        IrspRest.Session session = rest.login("user", user, "password", Fixtures.PASSWORD);
        try (IrspSocket wss = IrspSocket.open(IrspServer.httpsUri(), "", session.token(), IrspSocket.SUBPROTOCOL, Map.of(), tls)) {
            assertEquals(200, wss.bind(session.connId()).getInt("retCode"), "bound over WSS");
        }
        assertEquals(403, Fixtures.rest().post("users", Json.createObjectBuilder().add("userId", "plainuser2").build()).status(),
                "while plain HTTP stays refused");
    }

    @Test
    @Order(7)
    void aMissingKeystoreOrCertificateStopsTheStartWithAClearReason() throws Exception {
        IllegalStateException missingKeystore = assertThrows(IllegalStateException.class,
                () -> IrspServer.restart("-Djavax.net.ssl.keyStore=/nonexistent/irsp-keystore.p12"));
        assertTrue(missingKeystore.getMessage().contains("deploy"), missingKeystore.getMessage());
        assertTrue(Files.readString(IrspServer.log()).contains("/nonexistent/irsp-keystore.p12 (No such file"),
                "the log names the missing keystore");
        IllegalStateException missingKey = assertThrows(IllegalStateException.class,
                () -> IrspServer.restart("-Djavax.net.ssl.keyStore=" + TestKeystore.keystore(
                        Path.of(System.getProperty("irsp.it.dir", "target/it"))).toAbsolutePath(),
                        "-Dirsp.tls.certAlias=not-there"));
        assertTrue(missingKey.getMessage().contains("deploy"), missingKey.getMessage());
        assertTrue(Files.readString(IrspServer.log()).contains("holds no key 'not-there' (irsp.tls.certAlias)"),
                "the log names the missing certificate");
    }

    @Test
    @Order(8)
    void anUnreachableBrokerStopsTheStartWithAClearReason() throws Exception {
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> IrspServer.restart("-Djavax.net.ssl.keyStore=" + TestKeystore.keystore(
                        Path.of(System.getProperty("irsp.it.dir", "target/it"))).toAbsolutePath(),
                        "-Dirsp.tls.certAlias=irsp", "-Dirsp.artemis.embedded=false", "-Dirsp.startup.brokerWaitSeconds=5"));
        assertTrue(failed.getMessage().contains("deploy"), failed.getMessage());
        assertTrue(Files.readString(IrspServer.log()).contains("the broker (resource adapter irsp-ra) cannot be reached"),
                "the log says why");
    }

    @Test
    @Order(9)
    void anUnusableDatabaseStopsTheStartWithAClearReason() throws Exception {
        assumeFalse(TestDatabase.POSTGRES, "the H2 pool is the one redirected here");
        IrspServer.restart("-Dirsp.artemis.embedded=true"); // with its broker back, it starts (or this throws)
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> IrspServer.restartWithDatabase("jdbc:h2:/proc/irsp-no-such-place/db"));
        assertTrue(failed.getMessage().contains("deploy"), failed.getMessage());
        assertTrue(Files.readString(IrspServer.log()).contains("Error while creating file \"/proc/irsp-no-such-place\""),
                "the log names the database that cannot be opened");
    }
}
