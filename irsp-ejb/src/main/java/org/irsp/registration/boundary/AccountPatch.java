package org.irsp.registration.boundary;

import java.util.List;

/** §7.4 PATCH fields after JSON checks; null means unchanged. User fields and device fields. */
public record AccountPatch(String nickname, String contact, Boolean searchable, String acceptPolicy, String name,
        String firmwareVersion, List<String> serviceTypes) {}
