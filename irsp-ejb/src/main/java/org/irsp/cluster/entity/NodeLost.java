package org.irsp.cluster.entity;

import java.time.Instant;

/**
 * A node left the data grid without ending its connections (killed, or cut off): fired, on one surviving
 * node (the oldest), so that the cluster ends the bindings the lost node made before {@code at} as their
 * heartbeats would have (a node restarted under the same name meanwhile keeps its new ones).
 */
public record NodeLost(String name, Instant at) {}
