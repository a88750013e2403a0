package org.irsp.verification.boundary;

/** The outcome of a code change: the generated code (shown once) if the IRSP made one, and how many relationships a reset released. */
public record CodeChanged(String deviceId, String generatedCode, int released) {}
