package org.irsp.cluster.boundary;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.LifecycleEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.irsp.cluster.control.Grid;
import org.irsp.cluster.control.Node;
import org.irsp.cluster.control.Nodes;
import org.irsp.cluster.entity.NodeLost;

/**
 * This node's place in the cluster: enters its name at start-up (refusing a name another live node holds)
 * and, when a member leaves the grid, has the oldest surviving node end what the lost one held
 * ({@link NodeLost}). The grid calls its listener on a grid thread, through a contextual proxy (the
 * application's context), and the event is fired on the container's executor.
 */
@Startup
@Singleton
@DependsOn("StartupRecovery")
public class ClusterMembership {

    private static final Logger LOG = Logger.getLogger(ClusterMembership.class.getName());

    @Inject Grid grid;
    @Inject Node node;
    @Inject Nodes nodes;
    @Inject Event<NodeLost> lost;
    @Resource ManagedExecutorService executor;
    @Resource ContextService contexts;

    @PostConstruct
    void join() {
        if (!grid.isOn()) {
            return;
        }
        nodes.join();
        grid.member().getCluster().addMembershipListener(contexts.createContextualProxy(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                LOG.info(() -> "a node joined the cluster: " + event.getMember() + "; " + event.getMembers().size() + " member(s)");
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                LOG.warning(() -> "a node left the cluster: " + event.getMember() + "; " + event.getMembers().size() + " member(s)");
                if (nodes.isOldest()) {
                    Instant at = Instant.now();
                    nodes.left(event.getMember().getUuid()).ifPresent(name -> executor.submit(() -> endBindingsOf(new NodeLost(name, at))));
                }
            }
        }, MembershipListener.class));
        grid.member().getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == LifecycleEvent.LifecycleState.MERGING || event.getState() == LifecycleEvent.LifecycleState.MERGED) {
                LOG.warning(() -> "the data grid was split and is joined again (" + event.getState() + "): nodes on the"
                        + " other side ended this side's bindings and this side theirs; their clients log in again");
            }
        });
        LOG.info(() -> "node " + node.name() + " joined the cluster; live nodes " + nodes.live());
    }

    private void endBindingsOf(NodeLost node) {
        try {
            lost.fire(node);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "ending the bindings of lost node " + node.name() + " failed", e);
        }
    }
}
