package org.irsp.protocol.operation;

import org.irsp.codes.Wire;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import org.irsp.protocol.CloseCode;
import org.irsp.codes.IrspException;
import org.irsp.codes.RetCode;
import org.irsp.codes.Timestamps;
import org.irsp.messaging.boundary.OfflineDeliveries;
import org.irsp.messaging.entity.OfflineItem;
import org.irsp.presence.boundary.Presences;
import org.irsp.presence.entity.Bindings;
import org.irsp.presence.entity.Presence;
import org.irsp.protocol.Connection;
import org.irsp.protocol.ConnectionRegistry;
import org.irsp.protocol.Envelope;
import org.irsp.protocol.FailureAware;
import org.irsp.protocol.FrameHandler;
import org.irsp.protocol.PushFrames;
import org.irsp.protocol.JsonFields;
import org.irsp.protocol.Reply;
import org.irsp.relationship.boundary.RequestNotices;
import org.irsp.relationship.entity.RelationshipRequest;
import org.irsp.session.boundary.Bound;
import org.irsp.session.boundary.Sessions;

/**
 * §8.4 ConnectionIdBindRequest. After the 200 reply, strictly in order: (2 replacement of a device's
 * older connection happened in the bind itself) 3 StatusChangeNotify to those who may see the entity,
 * 4 the pending requests it may answer, 5 the offline queue oldest first, 6 only then frames forwarded
 * to this connection.
 */
@ApplicationScoped
public class BindHandler implements FrameHandler, FailureAware {

    @Inject Sessions sessions;
    @Inject Presences presences;
    @Inject OfflineDeliveries offline;
    @Inject ConnectionRegistry registry;
    @Inject RequestNotices notices;
    @Inject Clock clock;

    @Override
    public String type() {
        return "ConnectionIdBindRequest";
    }

    @Override
    public String replyType() {
        return "ConnectionIdBindResponse";
    }

    @Override
    public Reply handle(Connection c, Envelope frame) {
        if (c.isBound()) {
            throw new IrspException(RetCode.CONFLICT, "this WebSocket is already bound");
        }
        JsonFields body = frame.body();
        String connId = body.string("connId", 22, 22);
        String presence = body.optionalEnum("presence", Presence.USER_VALUES).orElse("online");
        body.optionalStrings("localAddrs", 8, 1, 45).ifPresent(addrs -> checkIpLiterals(body, addrs));
        body.optionalStrings("capabilities", 32, 1, 64);
        Bound bound = sessions.bind(connId, c.token(), clientAddress(c));
        c.presence(Bindings.atBind(bound.entity().type(), presence));
        c.bound(bound);
        registry.bound(c);
        boolean presenceChanged = presences.connected(bound.entity(), connId, c.presence());
        List<RelationshipRequest> requests = notices.answerableBy(bound.entity());
        List<OfflineItem> items = offline.forBind(bound.entity());
        JsonObject reply = Wire.JSON.createObjectBuilder()
                .add("connId", connId)
                .add("entity", Wire.JSON.createObjectBuilder().add("type", bound.entity().type().wire()).add("id", bound.entity().id()))
                .add("heartbeatSeconds", bound.heartbeatSeconds())
                .add("serverTime", Timestamps.format(clock.instant()))
                .add("pendingRequests", requests.size())
                .add("offlineItems", items.size())
                .build();
        return Reply.ok(reply, () -> {
            try {
                if (presenceChanged) {
                    presences.announce(bound.entity());
                }
                for (RelationshipRequest r : requests) {
                    c.send(PushFrames.encode(RequestNotices.notice(r), null, c.bound()));
                }
            } finally {
                // whatever failed above, the queue is delivered and frames forwarded to this connection are not held forever
                c.streamThenReady(items.stream().map(item -> new Connection.Backlogged(item.deliveryId(),
                        () -> PushFrames.encode(item.push(), item.deliveryId(), c.bound()))).iterator());
            }
        });
    }

    @Override
    public void failed(Connection c, IrspException error) {
        if (!c.isBound()) {
            c.close(CloseCode.forFailedBind(error.retCode()), null);
        }
    }

    private static void checkIpLiterals(JsonFields body, List<String> addrs) {
        for (int i = 0; i < addrs.size(); i++) {
            String a = addrs.get(i);
            if (!a.matches("[0-9a-fA-F:.]+")) {
                throw IrspException.badField(body.path("localAddrs") + "[" + i + "]", "not an IP literal");
            }
            try {
                InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                throw IrspException.badField(body.path("localAddrs") + "[" + i + "]", "not an IP literal");
            }
        }
    }

    /** The WebSocket's remote address as {@code ip:port} ({@code [ip]:port} for IPv6), for the console's sessions. */
    private static String clientAddress(Connection c) {
        var a = c.remoteAddress();
        return a == null ? null : (a.ip().contains(":") ? "[" + a.ip() + "]" : a.ip()) + ":" + a.port();
    }
}
