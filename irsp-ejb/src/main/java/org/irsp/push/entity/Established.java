package org.irsp.push.entity;

/** RelationshipEstablishedNotify (§10.2–10.3): a relationship now exists, made {@code via} a request, a code or a claim. */
public record Established(Bond bond, String via) implements Push {
}
