package org.irsp.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.irsp.cluster.entity.NodeLost;
import org.irsp.nat.boundary.P2PSignalling;
import org.irsp.presence.boundary.Presences;
import org.irsp.session.boundary.Bound;
import org.irsp.session.boundary.Sessions;

/**
 * A node left the cluster with its connections (killed, cut off): on the surviving node that is told
 * ({@link NodeLost}), each of its bindings ends as a heartbeat timeout would have ended it there: the
 * session and its token end, messages awaiting its response are answered, those who may see the entity are
 * told it went offline ("timeout", §8.6) and its P2P attempts end. Its clients reconnect to another node.
 */
@ApplicationScoped
public class LostNodes {

    private static final Logger LOG = Logger.getLogger(LostNodes.class.getName());

    @Inject Sessions sessions;
    @Inject Presences presences;
    @Inject Instance<PendingResponses> pending;
    @Inject P2PSignalling p2p;

    void onLost(@Observes NodeLost lost) {
        List<Bound> ended = sessions.endBindingsOf(lost.name(), lost.at());
        for (Bound b : ended) {
            try {
                pending.get().closed(b.entity(), b.connId());
            } finally {
                try {
                    presences.disconnected(b.entity(), b.connId(), "timeout");
                } finally {
                    p2p.closed(b.connId());
                }
            }
        }
        LOG.warning(() -> "node " + lost.name() + " was lost: its " + ended.size() + " binding(s) ended");
    }
}
