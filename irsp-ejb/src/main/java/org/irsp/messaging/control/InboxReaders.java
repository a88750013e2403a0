package org.irsp.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.irsp.cluster.control.Grid;
import org.irsp.cluster.control.Node;
import org.irsp.cluster.control.Nodes;
import org.irsp.registration.entity.EntityRef;

/**
 * Which node reads each entity's offline queue, in a cluster: the one that last opened an {@link Inbox} for
 * it (grid map {@code irsp.inbox}, entity key to node name). Two consumers on one queue would split its
 * items between them, while every terminal must get every item not yet acked (§6.7); so a node that opens
 * an inbox claims the entity, the node it takes over from closes its own ({@link InboxCommand}), and Acks
 * taken by other nodes are sent on to the reader. A reader whose node is gone counts as none (the broker
 * gave its items back when its connection died). Without the data grid, this node reads every queue.
 */
@ApplicationScoped
public class InboxReaders {

    static final String MAP = "irsp.inbox";

    @Inject Grid grid;
    @Inject Node node;
    @Inject Nodes nodes;

    /** This node reads the entity's queue from now on; returns the live node that read it until now, if another. */
    public Optional<String> claim(EntityRef entity) {
        if (!grid.isOn()) {
            return Optional.empty();
        }
        return live(grid.map(MAP).put(entity.key(), node.name()));
    }

    /** This node has closed its inbox for the entity: it no longer reads the queue (unless another node has claimed it since). */
    public void released(EntityRef entity) {
        if (grid.isOn()) {
            grid.map(MAP).remove(entity.key(), node.name());
        }
    }

    /** The live node, other than this one, that reads the entity's queue now; none when this one does or nobody does. */
    public Optional<String> elsewhere(EntityRef entity) {
        return grid.isOn() ? live(grid.map(MAP).get(entity.key())) : Optional.empty();
    }

    /** Whether this node is the entity's reader (always, without the data grid). */
    public boolean isMine(EntityRef entity) {
        return !grid.isOn() || node.name().equals(grid.map(MAP).get(entity.key()));
    }

    private Optional<String> live(String reader) {
        return reader == null || reader.equals(node.name()) || !nodes.live().contains(reader) ? Optional.empty() : Optional.of(reader);
    }
}
