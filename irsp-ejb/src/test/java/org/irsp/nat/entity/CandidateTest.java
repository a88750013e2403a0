package org.irsp.nat.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CandidateTest {

    @Test
    void ipv4AndIpv6LiteralsAreAddresses() {
        assertTrue(Candidate.isIpLiteral("192.168.1.20"));
        assertTrue(Candidate.isIpLiteral("2001:db8::1"));
        assertTrue(Candidate.isIpLiteral("::ffff:192.0.2.1"));
    }

    @Test
    void namesAndMalformedAddressesAreNot() {
        assertFalse(Candidate.isIpLiteral("example.com"));
        assertFalse(Candidate.isIpLiteral("256.1.1.1"));
        assertFalse(Candidate.isIpLiteral("1.2.3"));
        assertFalse(Candidate.isIpLiteral("01.2.3.4"));
        assertFalse(Candidate.isIpLiteral("fe80::1%eth0"));
        assertFalse(Candidate.isIpLiteral("beef"));
    }
}
