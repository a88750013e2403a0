package org.irsp.rest;

import org.irsp.codes.Wire;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import org.irsp.codes.Timestamps;
import org.irsp.registration.entity.Account;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.DeviceDescription;
import org.irsp.registration.entity.UserAccount;

/** JSON of §7.1/§7.2 registration replies and §7.4 records. Secrets, hashes and codes never appear. */
final class AccountJson {

    static JsonObjectBuilder registered(String idField, String id, String domain, Instant now, UriInfo uri) {
        URI base = uri.getBaseUri();
        String ws = (base.getScheme().equals("https") ? "wss" : "ws") + "://" + base.getAuthority() + "/irsp/ws";
        String rest = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1) : base.toString();
        return Wire.JSON.createObjectBuilder()
                .add(idField, id)
                .add("domain", domain)
                .add("serverTime", Timestamps.format(now))
                .add("endpoints", Wire.JSON.createObjectBuilder().add("rest", rest).add("ws", ws));
    }

    static JsonObjectBuilder record(Account account) {
        return account instanceof UserAccount u ? user(u) : device((DeviceAccount) account);
    }

    static JsonObjectBuilder user(UserAccount u) {
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder().add("userId", u.id());
        addIfPresent(b, "nickname", u.nickname());
        addIfPresent(b, "contact", u.contact());
        return b.add("searchable", u.searchable())
                .add("acceptPolicy", u.acceptPolicy().wire())
                .add("status", u.status().wire())
                .add("createdAt", Timestamps.format(u.createdAt()));
    }

    static JsonObjectBuilder device(DeviceAccount d) {
        DeviceDescription desc = d.description();
        JsonObjectBuilder b = Wire.JSON.createObjectBuilder()
                .add("deviceId", d.id())
                .add("deviceType", desc.deviceType())
                .add("manufacturer", desc.manufacturer())
                .add("model", desc.model());
        addIfPresent(b, "serialNo", desc.serialNo());
        addIfPresent(b, "firmwareVersion", desc.firmwareVersion());
        addIfPresent(b, "name", desc.name());
        b.add("serviceTypes", Wire.JSON.createArrayBuilder(desc.serviceTypes()));
        addIfPresent(b, "owner", d.owner());
        return b.add("defaultPolicy", d.defaultPolicy().wire())
                .add("acceptPolicy", d.acceptPolicy().wire())
                .add("createdAt", Timestamps.format(d.createdAt()));
    }

    private static void addIfPresent(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private AccountJson() {}
}
