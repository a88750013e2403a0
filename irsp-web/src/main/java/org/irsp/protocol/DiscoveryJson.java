package org.irsp.protocol;

import org.irsp.codes.Wire;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.irsp.codes.IrspException;
import org.irsp.presence.boundary.Discovery;
import org.irsp.presence.boundary.Found;
import org.irsp.presence.boundary.SearchQuery;
import org.irsp.registration.entity.DeviceAccount;
import org.irsp.registration.entity.EntityType;
import org.irsp.registration.entity.UserAccount;

/** §13 bodies shared by SearchRequest/StatusQueryRequest and GET /search, GET /status. */
public final class DiscoveryJson {

    public static SearchQuery search(JsonFields f) {
        String id = f.optionalString("id", 1, 200).orElse(null);
        String q = f.optionalString("q", 2, 64).orElse(null);
        String deviceType = f.optionalString("deviceType", 1, 128).orElse(null);
        String serviceType = f.optionalString("serviceType", 1, 128).orElse(null);
        EntityType type = f.optionalEnum("type", Set.of("user", "device")).map(EntityType::ofWire).orElse(null);
        int page = f.optionalInteger("page", 1, Integer.MAX_VALUE).orElse(1L).intValue();
        int maxSize = ConfigProvider.getConfig().getOptionalValue("irsp.search.maxPageSize", Integer.class).orElse(100);
        int size = f.optionalInteger("size", 1, maxSize).orElse(20L).intValue();
        if (id == null && q == null && deviceType == null && serviceType == null) {
            throw IrspException.badField(f.path("q"), "one of id, q, deviceType or serviceType is needed");
        }
        return new SearchQuery(id, q, type, deviceType, serviceType, page, size);
    }

    public static JsonObject page(Discovery.Page found, SearchQuery query) {
        JsonArrayBuilder items = Wire.JSON.createArrayBuilder();
        for (Found f : found.items()) {
            JsonObjectBuilder item = Wire.JSON.createObjectBuilder().add("type", f.account().type().wire()).add("id", f.account().id());
            if (f.account() instanceof UserAccount u && u.nickname() != null) {
                item.add("name", u.nickname());
            }
            if (f.account() instanceof DeviceAccount d) {
                var desc = d.description();
                if (desc.name() != null) {
                    item.add("name", desc.name());
                }
                item.add("deviceType", desc.deviceType()).add("manufacturer", desc.manufacturer()).add("model", desc.model())
                        .add("serviceTypes", Wire.JSON.createArrayBuilder(desc.serviceTypes()));
            }
            item.add("related", f.related());
            if (f.presence() != null) {
                item.add("presence", f.presence().presence());
            }
            items.add(item);
        }
        return Wire.JSON.createObjectBuilder().add("items", items).add("page", query.page()).add("size", query.size())
                .add("total", found.total()).build();
    }

    public static List<String> ids(List<String> ids, String field) {
        if (ids.isEmpty() || ids.size() > 100) {
            throw IrspException.badField(field, "1 to 100 IDs");
        }
        return ids;
    }

    public static JsonObject status(List<Discovery.Status> results) {
        JsonArrayBuilder items = Wire.JSON.createArrayBuilder();
        for (Discovery.Status s : results) {
            JsonObjectBuilder r = Wire.JSON.createObjectBuilder().add("id", s.id()).add("type", s.type().wire());
            if (s.presence() == null) {
                r.add("retCode", 403);
            } else {
                r.add("retCode", 200).add("presence", s.presence().presence()).add("connCount", s.presence().connCount());
            }
            items.add(r);
        }
        return Wire.JSON.createObjectBuilder().add("results", items).build();
    }

    private DiscoveryJson() {}
}
