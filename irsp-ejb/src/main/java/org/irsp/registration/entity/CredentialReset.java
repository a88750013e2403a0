package org.irsp.registration.entity;

/** An administrator gave the entity a new credential: the sessions opened with the old one end. */
public record CredentialReset(EntityRef entity) {}
