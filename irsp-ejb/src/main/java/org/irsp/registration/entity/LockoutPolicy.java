package org.irsp.registration.entity;

import java.time.Duration;

/** §8.1 lockout: the maxFailures-th failure within the window locks the ID for lockFor. */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockFor) {}
