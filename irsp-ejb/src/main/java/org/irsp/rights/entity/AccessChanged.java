package org.irsp.rights.entity;

/**
 * CDI event: who may reach whom may have changed (a relationship, a rights configuration, an account
 * created or deleted). Routing caches drop what they knew once the change's transaction completes.
 */
public record AccessChanged(String why) {}
