package org.irsp.session.boundary;

public record ChallengeResult(String nonce, String salt, int iterations, String algorithm, int expiresIn) {}
