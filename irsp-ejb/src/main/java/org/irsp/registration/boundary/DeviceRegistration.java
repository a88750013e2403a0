package org.irsp.registration.boundary;

import org.irsp.registration.entity.DeviceDescription;

/** A §7.2 request after JSON type checks; optional fields null. */
public record DeviceRegistration(String deviceId, DeviceDescription description, String secret,
        String verificationCode, String certificate) {}
