package org.irsp.cluster.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's name ({@code irsp.node.name}, "local" by default): what the presence directory and the
 * sessions record for a binding, and the name of the JMS queue that brings this node the commands for its
 * connections ({@code irsp.node.<name>}). Every node of a cluster needs its own; a single node keeps the default.
 */
@ApplicationScoped
public class Node {

    /** The name's characters: it is part of a JMS queue name. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The prefix of every node's command queue. */
    public static final String QUEUE_PREFIX = "irsp.node.";

    @Inject
    @ConfigProperty(name = "irsp.node.name", defaultValue = "local")
    String name;

    @PostConstruct
    void check() {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalStateException("irsp.node.name '" + name + "' must be 1 to 64 letters, digits, '-' or '_'");
        }
    }

    public String name() {
        return name;
    }

    /** The queue that brings {@code node} the commands for its connections. */
    public static String queueOf(String node) {
        return QUEUE_PREFIX + node;
    }
}
