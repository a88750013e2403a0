package org.irsp.cli;

import jakarta.json.JsonObject;
import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Option;

/** Who a command acts as: a user with a password or a device with a secret (or its challenge-response). */
final class Account {

    @Option(names = "--user", paramLabel = "ID", description = "act as this user (with --password)")
    String user;

    @Option(names = "--device", paramLabel = "ID", description = "act as this device (with --secret)")
    String device;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:IRSP_PASSWORD}",
            description = "the user's password (default: IRSP_PASSWORD)")
    String password;

    @Option(names = "--secret", paramLabel = "SECRET", defaultValue = "${env:IRSP_SECRET}",
            description = "the device's secret (default: IRSP_SECRET)")
    String secret;

    @Option(names = "--challenge", description = "log the device in by challenge-response: its secret is not sent")
    boolean challenge;

    IrspRest.Session login(IrspRest rest) {
        if ((user == null) == (device == null)) {
            throw new Failure.Usage("say who acts: --user ID or --device ID");
        }
        if (user != null) {
            return rest.login("user", user, "password", required(password, "--password (or IRSP_PASSWORD)"));
        }
        String s = required(secret, "--secret (or IRSP_SECRET)");
        return challenge ? rest.loginByChallenge(device, s) : rest.login("device", device, "secret", s);
    }

    /** This account as a message address. */
    JsonObject address() {
        return Wire.JSON.createObjectBuilder().add("type", user != null ? "user" : "device").add("id", user != null ? user : device).build();
    }

    private static String required(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new Failure.Usage("missing " + what);
        }
        return value;
    }
}
