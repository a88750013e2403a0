package org.irsp.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.irsp.client.IrspRest;
import org.irsp.client.RestReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.nio.file.Files;
import java.util.Map;
import org.irsp.client.IrspSocket;

/** §8.1 login errors and lockout, §8.2 device challenge-response. */
@ExtendWith(IrspServer.class)
class LoginIT {

    private final IrspRest rest = Fixtures.rest();

    @Test
    void loginReturnsConnIdTokenAndTimers() {
        String alice = Fixtures.newUser();
        RestReply r = rest.post("sessions", login("user", alice.toUpperCase(), "password", Fixtures.PASSWORD));
        assertEquals(200, r.retCode());
        assertEquals(alice, r.body().getString("id"));
        assertEquals(22, r.body().getString("connId").length());
        assertEquals(43, r.body().getString("token").length());
        assertEquals(2, r.body().getInt("heartbeatSeconds"));
        assertEquals(5, r.body().getInt("bindWithinSeconds"));
    }

    @Test
    void loginErrorsInCheckOrder() {
        String alice = Fixtures.newUser();
        RestReply wrongField = rest.post("sessions", login("user", alice, "secret", Fixtures.SECRET));
        assertEquals(400, wrongField.retCode());
        assertEquals("secret", wrongField.detail("field"));
        assertEquals("type", rest.post("sessions", login("robot", alice, "password", "x")).detail("field"));
        assertEquals(404, rest.post("sessions", login("user", "nobody" + System.nanoTime(), "password", "x")).retCode());
        assertEquals(401, rest.post("sessions", login("user", alice, "password", "Wrong-passw0rd")).retCode());
    }

    @Test
    void fifthFailureLocksEvenCorrectCredentialsUntilTheLockEnds() throws Exception {
        String alice = Fixtures.newUser();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, rest.post("sessions", login("user", alice, "password", "Wrong-passw0rd")).retCode());
        }
        RestReply locked = rest.post("sessions", login("user", alice, "password", Fixtures.PASSWORD));
        assertEquals(429, locked.retCode());
        assertTrue(Integer.parseInt(locked.detail("retryAfter")) >= 1);
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        // the test server locks for 4 s: once that passed, the right password works again
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> rest.post("sessions", login("user", alice, "password", Fixtures.PASSWORD)).retCode() == 200);
    }

    @Test
    void deviceLogsInWithChallengeResponseAndANonceWorksOnce() throws Exception {
        String device = Fixtures.newDevice();
        assertEquals("type", rest.post("sessions/challenge", Json.createObjectBuilder().add("type", "user").add("id", "abcd").build()).detail("field"));
        RestReply challenge = rest.post("sessions/challenge", Json.createObjectBuilder().add("type", "device").add("id", device).build());
        assertEquals(200, challenge.retCode());
        String nonce = challenge.body().getString("nonce");
        assertEquals(43, nonce.length());
        assertEquals("PBKDF2WithHmacSHA256", challenge.body().getString("algorithm"));
        String proof = proof(Fixtures.SECRET, challenge.body().getString("salt"), challenge.body().getInt("iterations"), nonce, device);
        JsonObject login = Json.createObjectBuilder().add("type", "device").add("id", device).add("nonce", nonce).add("proof", proof).build();
        RestReply ok = rest.post("sessions", login);
        assertEquals(200, ok.retCode());
        assertEquals(device, ok.body().getString("id"));
        assertEquals(401, rest.post("sessions", login).retCode());
    }

    @Test
    void deviceLogsInWithItsSecret() {
        String device = Fixtures.newDevice();
        assertEquals(200, rest.post("sessions", login("device", device, "secret", Fixtures.SECRET)).retCode());
        assertEquals(401, rest.post("sessions", login("device", device, "secret", "not-the-secret-at-all")).retCode());
    }

    @Test
    void credentialsAndTokensNeverReachTheServerLog() throws Exception {
        String marker = "Zq9-" + System.nanoTime();
        String alice = Fixtures.newUser();
        rest.post("sessions", login("user", alice, "password", "Wrong-" + marker));
        String secret = "device-secret-" + marker;
        rest.post("devices", Json.createObjectBuilder(Fixtures.device(Fixtures.newDeviceId())).add("secret", secret).build());
        var session = rest.login("user", alice, "password", Fixtures.PASSWORD);
        try (var ws = IrspSocket.open(IrspServer.uri(), "?token=" + session.token(), null,
                IrspSocket.SUBPROTOCOL, Map.of())) {
            ws.bind(session.connId());
        }
        Thread.sleep(500);
        String log = Files.readString(IrspServer.log());
        assertTrue(!log.contains(marker), "a credential was logged");
        assertTrue(!log.contains(session.token()), "a token was logged");
        assertTrue(!log.contains(Fixtures.PASSWORD), "a password was logged");
    }

    static String proof(String secret, String salt, int iterations, String nonce, String deviceId) throws Exception {
        byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(secret.toCharArray(), Base64.getDecoder().decode(salt), iterations, 256))
                .getEncoded();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(k, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal((nonce + deviceId).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonObject login(String type, String id, String field, String credential) {
        return Json.createObjectBuilder().add("type", type).add("id", id).add(field, credential).build();
    }
}
