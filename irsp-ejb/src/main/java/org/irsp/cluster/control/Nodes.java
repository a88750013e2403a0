package org.irsp.cluster.control;

import com.hazelcast.cluster.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The live nodes by name. Each node enters its name ({@link Node}) with its grid member's id in a shared map
 * when it starts; a name held by another live member refuses the start, so two nodes never share one command
 * queue. Membership itself is the data grid's: a name counts as live while its member is in the grid.
 */
@ApplicationScoped
public class Nodes {

    /** The grid's map of node name to member id. */
    static final String MAP = "irsp.nodes";

    @Inject Node node;
    @Inject Grid grid;

    /** Enters this node's name; refused while another live member holds it. */
    public void join() {
        if (!grid.isOn()) {
            return;
        }
        ConcurrentMap<String, String> names = grid.map(MAP);
        String mine = grid.member().getCluster().getLocalMember().getUuid().toString();
        while (true) {
            String holder = names.putIfAbsent(node.name(), mine);
            if (holder == null || holder.equals(mine)) {
                return;
            }
            if (liveMembers().contains(holder)) {
                throw new IllegalStateException("irsp.node.name '" + node.name() + "' is taken by another live node ("
                        + holder + "): give every node of the cluster its own name");
            }
            names.remove(node.name(), holder); // a node that left: its name is free again
        }
    }

    /** The names of the nodes in the grid now (this one only, without a grid). */
    public Set<String> live() {
        if (!grid.isOn()) {
            return Set.of(node.name());
        }
        Set<String> members = liveMembers();
        return grid.map(MAP).entrySet().stream().filter(e -> members.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /** The name the member {@code id} entered, and forgets it: that member has left. */
    public Optional<String> left(UUID id) {
        ConcurrentMap<String, String> names = grid.map(MAP);
        Optional<String> name = names.entrySet().stream().filter(e -> e.getValue().equals(id.toString()))
                .map(Map.Entry::getKey).findFirst();
        name.ifPresent(n -> names.remove(n, id.toString()));
        return name;
    }

    /** Whether this node is the grid's oldest member: the one that acts for the cluster when a node is lost. */
    public boolean isOldest() {
        return !grid.isOn() || grid.member().getCluster().getMembers().iterator().next().localMember();
    }

    private Set<String> liveMembers() {
        return grid.member().getCluster().getMembers().stream().map(Member::getUuid).map(UUID::toString)
                .collect(Collectors.toSet());
    }
}
