package org.irsp.push.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.irsp.nat.entity.Candidate;
import org.irsp.push.entity.Bond;
import org.irsp.push.entity.DeliveryFailed;
import org.irsp.push.entity.Endpoint;
import org.irsp.push.entity.Established;
import org.irsp.push.entity.Forward;
import org.irsp.push.entity.P2PAnswer;
import org.irsp.push.entity.P2PNotice;
import org.irsp.push.entity.Push;
import org.irsp.push.entity.Relayed;
import org.irsp.push.entity.Released;
import org.irsp.push.entity.Replaced;
import org.irsp.push.entity.RequestNotice;
import org.irsp.push.entity.RequestResult;
import org.irsp.push.entity.ServerPush;
import org.irsp.push.entity.StatusChange;
import org.irsp.push.entity.Stored;
import org.irsp.push.entity.WentOffline;
import org.irsp.registration.entity.EntityRef;
import org.junit.jupiter.api.Test;

class PushTextTest {

    static final EntityRef ALICE = EntityRef.user("alice");
    static final EntityRef D1 = EntityRef.device("urn:IGRS:Device:DeviceId:0f8fad5b-d9cb-469f-a165-70867728950e");
    static final Instant AT = Instant.parse("2026-11-30T08:00:00.123Z");
    static final JsonObject BODY = Json.createObjectBuilder().add("op", "event").add("text", "h\u00e9llo \ud83d\ude00")
            .add("n", 12.5).add("list", Json.createArrayBuilder().add(1).addNull().add(true)).build();

    static List<Push> everyKind() {
        Forward forward = new Forward("m-1", Endpoint.of(ALICE, "c-1"), Endpoint.of(D1), "2026-11-30T08:00:00Z", true, true,
                600, BODY, "d-abc");
        Bond bond = new Bond("r-1", "user-device", ALICE, D1, "owner", 255);
        return List.of(forward,
                new ServerPush("e-1", "erp", D1, "ts", true, 60, BODY, "d-x"),
                new ServerPush("e-2", "", D1, "ts", false, 604800, JsonObject.EMPTY_JSON_OBJECT, null),
                new Stored(AT, forward.asStored()),
                new Stored(AT, new ServerPush("e-1", "erp", D1, "ts", true, 60, BODY, null)),
                new Stored(AT, new Relayed(Json.createObjectBuilder().add("type", "DataMessageResponse").add("body", BODY).build())),
                new StatusChange(D1, "online", 1, AT),
                new WentOffline(ALICE, "timeout", AT),
                new RequestNotice("q-1", "user-device", ALICE, ALICE, D1, "user", 3, "please", AT),
                new RequestNotice("q-2", "user-user", ALICE, ALICE, EntityRef.user("bob1"), null, null, null, AT),
                new RequestResult("q-1", "accepted", 200, "r-1", null),
                new Established(bond, "request"),
                new Released(new Bond("r-1", "user-user", ALICE, EntityRef.user("bob1"), null, null), ALICE, "released"),
                new DeliveryFailed("m-1", Endpoint.of(D1), 410, "expired"),
                new P2PNotice("p-1", Endpoint.of(ALICE, "c-1"), "video",
                        List.of(new Candidate("host", "192.168.1.2", 5000, "udp"), Candidate.srflx("::1", 1, "tcp")), "k", AT),
                new P2PAnswer("m-9", 200, null, "p-1", true, List.of(new Candidate("host", "10.0.0.1", 1, "udp")), "k"),
                new P2PAnswer("m-9", 480, "the peer went away", null, false, null, null),
                new Replaced(AT));
    }

    @Test
    void everyKindOfPushReadsBackAsTheSameValue() {
        for (Push p : everyKind()) {
            assertEquals(p, PushText.read(PushText.write(p)), PushText.write(p));
        }
    }
}
