package org.irsp.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.nat.entity.Candidate;

/** §12.1 candidates in P2P frames, read with their §1 paths ({@code body.candidates[1].port}). */
public final class NatJson {

    public static final int MAX_CANDIDATES = 8;

    /** {@code name}: an array of at most 8 candidates, mandatory or optional. */
    public static List<Candidate> candidates(JsonFields body, String name, boolean mandatory) {
        if (!body.has(name)) {
            if (mandatory) {
                throw IrspException.badField(body.path(name), name + " is mandatory (it may be empty)");
            }
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonFields c : body.objects(name, MAX_CANDIDATES)) {
            candidates.add(candidate(c));
        }
        return candidates;
    }

    public static Candidate candidate(JsonFields c) {
        String type = c.enumValue("type", Set.of("host", "srflx"));
        String ip = c.string("ip", 2, 45);
        if (!Candidate.isIpLiteral(ip)) {
            throw IrspException.badField(c.path("ip"), "ip must be an IPv4 or IPv6 literal");
        }
        long port = c.optionalInteger("port", 1, 65535)
                .orElseThrow(() -> IrspException.badField(c.path("port"), "port is mandatory"));
        return new Candidate(type, ip, (int) port, c.enumValue("proto", Set.of("udp", "tcp")));
    }

    private NatJson() {}
}
