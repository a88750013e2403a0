package org.irsp.registration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.List;

/** A registered device (§7.2): its description, owner, default policy and hashed verification code. */
@Entity
@DiscriminatorValue("DEVICE")
public class DeviceAccount extends Account {

    private String deviceType;
    private String manufacturer;
    private String model;
    private String serialNo;
    private String firmwareVersion;
    private String name;

    @Column(name = "SERVICE_TYPES", length = 8000)
    private String serviceTypesText = "";

    private String owner;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private DefaultPolicy defaultPolicy = DefaultPolicy.RELATED_ONLY;

    @Column(length = 400)
    private String verificationCodeHash;

    protected DeviceAccount() {}

    public DeviceAccount(String deviceId, String secretHash, Instant createdAt, DeviceDescription description,
            String verificationCodeHash) {
        super(deviceId, secretHash, createdAt);
        describe(description);
        this.verificationCodeHash = verificationCodeHash;
    }

    @Override
    public EntityType type() {
        return EntityType.DEVICE;
    }

    public final void describe(DeviceDescription d) {
        this.deviceType = d.deviceType();
        this.manufacturer = d.manufacturer();
        this.model = d.model();
        this.serialNo = d.serialNo();
        this.firmwareVersion = d.firmwareVersion();
        this.name = d.name();
        serviceTypes(d.serviceTypes());
    }

    public DeviceDescription description() {
        return new DeviceDescription(deviceType, manufacturer, model, serialNo, firmwareVersion, name, serviceTypes());
    }

    public List<String> serviceTypes() {
        return serviceTypesText == null || serviceTypesText.isEmpty()
                ? List.of()
                : List.of(serviceTypesText.split("\u0000", -1));
    }

    public final void serviceTypes(List<String> types) {
        this.serviceTypesText = String.join("\u0000", types);
    }

    public String owner() {
        return owner;
    }

    public boolean isOwnedBy(EntityRef user) {
        return user.type() == EntityType.USER && user.id().equals(owner);
    }

    /** A correct code on an unowned device, or an accepted owner request: {@code user} owns it now. */
    public void claim(String userId) {
        this.owner = userId;
    }

    /** Releasing the owner role, a reset with releaseAll, or the owner's deletion leaves the device unowned. */
    public void vacate() {
        this.owner = null;
    }

    public void defaultPolicy(DefaultPolicy policy) {
        this.defaultPolicy = policy;
    }

    public void verificationCodeHash(String hash) {
        this.verificationCodeHash = hash;
    }

    public DefaultPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public String verificationCodeHash() {
        return verificationCodeHash;
    }
}
