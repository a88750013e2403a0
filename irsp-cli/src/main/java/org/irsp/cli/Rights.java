package org.irsp.cli;

import java.util.List;
import org.irsp.client.IrspRest;
import org.irsp.client.Wire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rights", mixinStandardHelpOptions = true,
        description = {"Shows a device's access rights, or with --policy replaces them (GET, PUT /devices/{id}/rights).",
                "Rights are bits: 0x01 discover, 0x02 read, 0x04 control, 0x08 events, 0x10 share, 0x20 administer."})
final class Rights extends SignedIn {

    @Parameters(paramLabel = "DEVICE", description = "the deviceId")
    String deviceId;

    @Option(names = "--policy", paramLabel = "POLICY", description = "set the default policy (ownerOnly, relatedOnly or public) "
            + "and replace the entries with the --grant ones")
    String policy;

    @Option(names = "--grant", paramLabel = "WHO=RIGHTS", description = "user:ID=RIGHTS or device:ID=RIGHTS, RIGHTS 0-63 "
            + "(decimal or 0x..); repeatable")
    List<String> grants = List.of();

    @Override
    void check() {
        if (policy == null && !grants.isEmpty()) {
            throw new Failure.Usage("--grant replaces the rights: give --policy with it");
        }
    }

    @Override
    int run(IrspRest rest, String token) {
        String path = "devices/" + IrspRest.encode(deviceId) + "/rights";
        if (policy == null) {
            return Out.reply(spec, rest.call("GET", path, null, token), 200);
        }
        var entries = Wire.JSON.createArrayBuilder();
        for (String grant : grants) {
            int eq = grant.lastIndexOf('=');
            if (eq < 0) {
                throw new Failure.Usage("a grant is WHO=RIGHTS, e.g. user:bob=0x07, not " + grant);
            }
            entries.add(Wire.JSON.createObjectBuilder().add("subject", Json.address(grant.substring(0, eq)))
                    .add("rights", rights(grant.substring(eq + 1))));
        }
        var body = Wire.JSON.createObjectBuilder().add("defaultPolicy", policy).add("entries", entries).build();
        return Out.reply(spec, rest.call("PUT", path, body, token), 200);
    }

    private static int rights(String text) {
        try {
            return text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Failure.Usage("rights are a number 0-63 (decimal or 0x..), not " + text);
        }
    }
}
