package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.messaging.boundary.Address;
import org.irsp.messaging.entity.Target;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;

/** §4.2 target addresses of DataMessages and responses, read with their §1 paths ({@code targets[2].id}). */
public final class MessageJson {

    private static final Set<String> GROUPS = Set.of("friends", "devices", "all");

    public static List<Address> targets(JsonFields f) {
        List<JsonFields> items = f.objects("targets", Integer.MAX_VALUE);
        if (items.isEmpty()) {
            throw IrspException.badField("targets", "at least one target");
        }
        List<Address> addresses = new ArrayList<>();
        for (JsonFields a : items) {
            String type = a.enumValue("type", Set.of("user", "device", "irsp", "group"));
            switch (type) {
                case "irsp" -> {
                    a.optionalString("id", 1, 64);
                    if (a.has("connId")) {
                        throw IrspException.badField(a.path("connId"), "connId is only for users and devices");
                    }
                    addresses.add(Address.irspItself());
                }
                case "group" -> {
                    if (a.has("connId")) {
                        throw IrspException.badField(a.path("connId"), "connId is only for users and devices");
                    }
                    addresses.add(Address.group(a.enumValue("id", GROUPS)));
                }
                default -> {
                    EntityType t = EntityType.ofWire(type);
                    EntityRef e = EntityRef.parse(t, a.string("id", 1, 200))
                            .orElseThrow(() -> IrspException.badField(a.path("id"), "not a valid " + type + " ID"));
                    addresses.add(Address.of(e, a.optionalString("connId", 1, 64).orElse(null)));
                }
            }
        }
        return addresses;
    }

    public static JsonObject address(Target t) {
        if (t.irsp()) {
            return Wire.JSON.createObjectBuilder().add("type", "irsp").build();
        }
        JsonObjectBuilder a = Wire.JSON.createObjectBuilder().add("type", t.entity().type().wire()).add("id", t.entity().id());
        if (t.connId() != null) {
            a.add("connId", t.connId());
        }
        return a.build();
    }

    private MessageJson() {}
}
