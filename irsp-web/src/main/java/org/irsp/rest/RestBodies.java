package org.irsp.rest;

import java.util.Set;
import org.irsp.codes.IrspException;
import org.irsp.protocol.JsonFields;
import org.irsp.registration.boundary.AccountPatch;
import org.irsp.registration.boundary.DeviceRegistration;
import org.irsp.registration.boundary.UserRegistration;
import org.irsp.registration.entity.DeviceDescription;
import org.irsp.registration.entity.EntityRef;
import org.irsp.registration.entity.EntityType;
import org.irsp.session.boundary.LoginRequest;

/**
 * Every REST request body read into the typed value its boundary takes, by the §1 field rules. Pure
 * functions of the parsed body, so that the resources stay thin and each reader is fuzzed as it is: a
 * reader returns its value or throws {@link IrspException} naming the field, and nothing else.
 */
public final class RestBodies {

    static final Set<String> ACCEPT_POLICIES = Set.of("approval", "acceptAll");
    private static final int ANY = Integer.MAX_VALUE;

    /** PUT …/password and …/secret. */
    public record CredentialChange(String oldCredential, String newCredential) {}

    /** PUT /devices/{id}/verification-code. */
    public record CodeChange(String newCode, boolean releaseAll) {}

    public static UserRegistration userRegistration(JsonFields f) {
        return new UserRegistration(f.string("userId", 0, ANY), f.string("password", 0, ANY),
                f.optionalString("nickname", 1, 64).orElse(null), f.optionalString("contact", 0, 128).orElse(null),
                f.optionalBoolean("searchable").orElse(null), f.optionalEnum("acceptPolicy", ACCEPT_POLICIES).orElse(null));
    }

    public static DeviceRegistration deviceRegistration(JsonFields f) {
        return deviceRegistration(f, true);
    }

    /** A device registration; the console may leave the secret out (IRSP generates one), a device may not. */
    public static DeviceRegistration deviceRegistration(JsonFields f, boolean secretMandatory) {
        String deviceId = f.string("deviceId", 0, ANY);
        var description = new DeviceDescription(f.string("deviceType", 1, 128), f.string("manufacturer", 1, 64),
                f.string("model", 1, 64), f.optionalString("serialNo", 0, 64).orElse(null),
                f.optionalString("firmwareVersion", 0, 32).orElse(null), f.optionalString("name", 1, 64).orElse(null),
                f.optionalStrings("serviceTypes", 32, 1, 128).orElse(null));
        String secret = secretMandatory ? f.string("secret", 0, ANY) : f.optionalString("secret", 0, ANY).orElse(null);
        return new DeviceRegistration(deviceId, description, secret,
                f.optionalString("verificationCode", 0, ANY).orElse(null), f.optionalString("certificate", 0, ANY).orElse(null));
    }

    public static AccountPatch userPatch(JsonFields f) {
        f.forbid(Set.of("userId", "password", "status", "createdAt", "retCode"));
        return new AccountPatch(f.optionalString("nickname", 1, 64).orElse(null),
                f.optionalString("contact", 0, 128).orElse(null), f.optionalBoolean("searchable").orElse(null),
                f.optionalEnum("acceptPolicy", ACCEPT_POLICIES).orElse(null), null, null, null);
    }

    public static AccountPatch devicePatch(JsonFields f) {
        f.forbid(Set.of("deviceId", "deviceType", "manufacturer", "model", "serialNo", "secret", "verificationCode",
                "certificate", "owner", "defaultPolicy", "createdAt", "retCode"));
        return new AccountPatch(null, null, null, f.optionalEnum("acceptPolicy", ACCEPT_POLICIES).orElse(null),
                f.optionalString("name", 1, 64).orElse(null), f.optionalString("firmwareVersion", 0, 32).orElse(null),
                f.optionalStrings("serviceTypes", 32, 1, 128).orElse(null));
    }

    public static CredentialChange credentialChange(JsonFields f, String oldName, String newName) {
        return new CredentialChange(f.string(oldName, 0, ANY), f.string(newName, 0, ANY));
    }

    public static CodeChange codeChange(JsonFields f) {
        return new CodeChange(f.optionalString("newCode", 1, 64).orElse(null), f.optionalBoolean("releaseAll").orElse(false));
    }

    /** §8.1: the credential fields must match the type of login. */
    public static LoginRequest login(JsonFields f) {
        EntityType type = EntityType.ofWire(f.enumValue("type", Set.of("user", "device")));
        EntityRef entity = entity(f, type);
        if (type == EntityType.USER) {
            refuse(f, "secret", "nonce", "proof");
            return new LoginRequest(entity, f.string("password", 0, ANY), null, null, null);
        }
        if (f.has("secret")) {
            refuse(f, "password", "nonce", "proof");
            return new LoginRequest(entity, null, f.string("secret", 0, ANY), null, null);
        }
        refuse(f, "password");
        return new LoginRequest(entity, null, null, f.string("nonce", 1, 64), f.string("proof", 1, 64));
    }

    /** §8.2: the device asking for a challenge. */
    public static EntityRef challenge(JsonFields f) {
        f.enumValue("type", Set.of("device"));
        return entity(f, EntityType.DEVICE);
    }

    /** POST /relationship-requests/{id}: whether the decision is to accept. */
    public static boolean accepts(JsonFields f) {
        return f.enumValue("decision", Set.of("accept", "reject")).equals("accept");
    }

    private static EntityRef entity(JsonFields f, EntityType type) {
        return EntityRef.parse(type, f.string("id", 1, ANY))
                .orElseThrow(() -> IrspException.badField("id", "not a valid " + type.wire() + " ID"));
    }

    private static void refuse(JsonFields f, String... names) {
        for (String name : names) {
            if (f.has(name)) {
                throw IrspException.badField(name, name + " does not apply to this login");
            }
        }
    }

    private RestBodies() {}
}
