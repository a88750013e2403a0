package org.irsp.registration.entity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user or device by its canonical ID (§4.1): user IDs lower-case, device IDs with the exact
 * {@code urn:IGRS:Device:DeviceId:} prefix and a lower-case UUID.
 */
public record EntityRef(EntityType type, String id) {

    public static final String USER_ID_PATTERN = "^[A-Za-z0-9._-]{4,127}$";
    public static final String DEVICE_ID_PATTERN =
            "^urn:IGRS:Device:DeviceId:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ (prefix case-insensitive)";
    private static final String DEVICE_PREFIX = "urn:IGRS:Device:DeviceId:";
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{4,127}");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static EntityRef user(String canonicalId) {
        return new EntityRef(EntityType.USER, canonicalId);
    }

    public static EntityRef device(String canonicalId) {
        return new EntityRef(EntityType.DEVICE, canonicalId);
    }

    /** The canonical user ID, or empty when the syntax is invalid. */
    public static Optional<String> canonicalUserId(String raw) {
        return raw != null && USER_ID.matcher(raw).matches()
                ? Optional.of(raw.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /** The canonical device ID, or empty when the syntax is invalid. */
    public static Optional<String> canonicalDeviceId(String raw) {
        if (raw == null || raw.length() != DEVICE_PREFIX.length() + 36
                || !raw.regionMatches(true, 0, DEVICE_PREFIX, 0, DEVICE_PREFIX.length())) {
            return Optional.empty();
        }
        String uuid = raw.substring(DEVICE_PREFIX.length());
        return UUID.matcher(uuid).matches()
                ? Optional.of(DEVICE_PREFIX + uuid.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /** A bare ID (§4.1): one starting with {@code urn:} is a device ID, any other a user ID. */
    public static Optional<EntityRef> parseBare(String raw) {
        if (raw != null && raw.regionMatches(true, 0, "urn:", 0, 4)) {
            return canonicalDeviceId(raw).map(EntityRef::device);
        }
        return canonicalUserId(raw).map(EntityRef::user);
    }

    public static Optional<EntityRef> parse(EntityType type, String raw) {
        return type == EntityType.USER
                ? canonicalUserId(raw).map(EntityRef::user)
                : canonicalDeviceId(raw).map(EntityRef::device);
    }

    /** The key of this entity in broker addresses and caches. */
    public String key() {
        return type.wire() + ":" + id;
    }
}
