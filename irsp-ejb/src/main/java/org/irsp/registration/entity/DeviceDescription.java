package org.irsp.registration.entity;

import java.util.List;

/** The descriptive fields of a device record (§7.2), optional ones null. */
public record DeviceDescription(String deviceType, String manufacturer, String model, String serialNo,
        String firmwareVersion, String name, List<String> serviceTypes) {

    public DeviceDescription {
        serviceTypes = serviceTypes == null ? List.of() : List.copyOf(serviceTypes);
    }
}
