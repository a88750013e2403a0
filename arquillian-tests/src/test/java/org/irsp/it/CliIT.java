package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.irsp.cli.Irsp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code irsp} command line against a running IRSP, as README's walk-through uses it: a user and a device
 * register, the user claims the device, the device listens and answers, the user's request gets its response;
 * a push through the broker reaches the device; what goes wrong is one line that says what to do.
 */
@ExtendWith(IrspServer.class)
class CliIT {

    private static final String CODE = "HJKM2345";

    /** One run of the command line: its exit status, standard output and standard error. */
    record Run(int status, String out, String err) {
        List<JsonObject> lines() {
            List<JsonObject> json = new ArrayList<>();
            out.lines().filter(l -> l.startsWith("{")).forEach(l -> json.add(Json.createReader(new StringReader(l)).readObject()));
            return json;
        }
    }

    static Run irsp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--server", IrspServer.uri().toString()));
        all.addAll(List.of(args));
        int status = Irsp.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void aUserClaimsADeviceWithTheCliAndTheDeviceAnswersItsRequest() throws Exception {
        String user = Fixtures.newUser();
        String deviceId = Fixtures.newDeviceId();
        Run registered = irsp("register-device", deviceId, "--secret", Fixtures.SECRET, "--code", CODE, "--name", "Lamp");
        assertEquals(0, registered.status(), registered.toString());
        Run claimed = irsp("claim", "--user", user, "--password", Fixtures.PASSWORD, deviceId, CODE);
        assertEquals(0, claimed.status(), claimed.toString());
        assertEquals("owner", claimed.lines().get(0).getString("role"));

        CompletableFuture<Run> device = CompletableFuture.supplyAsync(() -> irsp("listen", "--device", deviceId, "--secret",
                Fixtures.SECRET, "--challenge", "--respond", "{\"power\":\"on\"}", "--count", "2", "--seconds", "120"));
        Run sent;
        do { // until the device is bound: before, the request is answered 480 (offline, not stored)
            sent = irsp("send", "--user", user, "--password", Fixtures.PASSWORD, "device:" + deviceId,
                    "{\"op\":\"control\",\"power\":\"on\"}", "--wait", "--timeout", "20");
        } while (sent.status() != 0 && sent.lines().get(0).getInt("retCode") == 480 && !device.isDone());
        assertEquals(0, sent.status(), sent.toString());
        JsonObject response = sent.lines().get(sent.lines().size() - 1);
        assertEquals("DataMessageResponse", response.getString("type"));
        assertEquals("on", response.getJsonObject("body").getString("power"));

        Run pushed = irsp("push", "--broker", IrspServer.brokerUrl(), "device:" + deviceId, "{\"cmd\":\"reboot\"}");
        assertEquals(0, pushed.status(), pushed.toString());
        Run listened = device.get(120, TimeUnit.SECONDS);
        assertEquals(0, listened.status(), listened.toString());
        assertTrue(listened.lines().stream().anyMatch(f -> f.getString("type").equals("ServerPushNotify")
                && f.getJsonObject("body").getString("cmd").equals("reboot")), listened.out());

        Run related = irsp("relationships", "--user", user, "--password", Fixtures.PASSWORD);
        assertEquals(deviceId, related.lines().get(0).getJsonObject("peer").getString("id"));
        Run rights = irsp("rights", "--user", user, "--password", Fixtures.PASSWORD, deviceId, "--policy", "ownerOnly");
        assertEquals("ownerOnly", rights.lines().get(0).getString("defaultPolicy"), rights.toString());
    }

    @Test
    void aFriendshipIsAskedListedAndAcceptedWithTheCli() {
        String alice = Fixtures.newUser();
        String bob = Fixtures.newUser();
        Run asked = irsp("befriend", "--user", alice, "--password", Fixtures.PASSWORD, bob);
        assertEquals(0, asked.status(), asked.toString());
        String requestId = asked.lines().get(0).getString("requestId");
        Run pending = irsp("requests", "--user", bob, "--password", Fixtures.PASSWORD);
        assertEquals(requestId, pending.lines().get(0).getString("requestId"), pending.toString());
        assertEquals(0, irsp("accept", "--user", bob, "--password", Fixtures.PASSWORD, requestId).status());
        assertEquals(bob, irsp("relationships", "--user", alice, "--password", Fixtures.PASSWORD).lines().get(0)
                .getJsonObject("peer").getString("id"));
    }

    @Test
    void mistakesAreOneLineThatSaysWhatToDoAndNoStackTrace() {
        String user = Fixtures.newUser();
        Run wrong = irsp("login", "--user", user, "--password", "not-the-password-1");
        assertEquals(1, wrong.status());
        assertOneLine(wrong, "--password");
        Run nobody = irsp("login", "--password", Fixtures.PASSWORD);
        assertEquals(2, nobody.status());
        assertOneLine(nobody, "--user ID or --device ID");
        assertEquals(2, irsp().status(), "no command: the usage");
        StringWriter err = new StringWriter();
        int status = Irsp.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("--server", "http://127.0.0.1:1", "login", "--user", user, "--password", Fixtures.PASSWORD);
        assertEquals(3, status);
        assertOneLine(new Run(status, "", err.toString()), "is the server running?");
        Run notJson = irsp("send", "--user", user, "--password", Fixtures.PASSWORD, "irsp", "{not json");
        assertEquals(2, notJson.status());
        assertOneLine(notJson, "BODY is not a JSON object");
    }

    private static void assertOneLine(Run run, String saying) {
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(saying), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
}
