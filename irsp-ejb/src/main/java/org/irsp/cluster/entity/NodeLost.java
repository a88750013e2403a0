package org.irsp.cluster.entity;

/**
 * A node left the data grid without ending its connections (killed, or cut off): fired, on one surviving
 * node (the oldest), so that the cluster ends the lost node's bindings as their heartbeats would have.
 */
public record NodeLost(String name) {}
