package org.irsp.registration.boundary;

/** A §7.1 request after JSON type checks; optional fields null. */
public record UserRegistration(String userId, String password, String nickname, String contact, Boolean searchable,
        String acceptPolicy) {}
