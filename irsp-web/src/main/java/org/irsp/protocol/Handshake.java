package org.irsp.protocol;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * §6.1: accept the upgrade without checking the token (that happens at bind), select
 * {@code igrs-ra.v1.json} only if offered, check Origin against {@code irsp.ws.allowedOrigins}, and keep
 * the token from {@code Authorization: Bearer} (preferred) or {@code ?token=}, and where the client
 * connected from (§12.3). Every connection shares one endpoint instance (see {@link #getEndpointInstance}).
 */
public class Handshake extends ServerEndpointConfig.Configurator {

    private volatile Object endpoint;

    public static final String SUBPROTOCOL = "igrs-ra.v1.json";
    static final String TOKEN = "irsp.token";
    static final String OBSERVED = "irsp.observed";

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.contains(SUBPROTOCOL) ? SUBPROTOCOL : "";
    }

    @Override
    public boolean checkOrigin(String origin) {
        List<String> allowed = ConfigProvider.getConfig()
                .getOptionalValues("irsp.ws.allowedOrigins", String.class).orElse(List.of("*"));
        return origin == null || allowed.contains("*") || allowed.contains(origin);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().remove(TOKEN);
        config.getUserProperties().remove(OBSERVED);
        List<String> observed = header(request.getHeaders(), ObservedAddressFilter.HEADER);
        boolean trustForwardedFor = ConfigProvider.getConfig()
                .getOptionalValue("irsp.nat.trustForwardedFor", Boolean.class).orElse(false);
        var candidate = ObservedAddress.of(observed == null || observed.isEmpty() ? null : observed.get(0),
                header(request.getHeaders(), "X-Forwarded-For"), trustForwardedFor);
        if (candidate != null) {
            config.getUserProperties().put(OBSERVED, candidate);
        }
        String token = null;
        List<String> auth = header(request.getHeaders(), "Authorization");
        if (auth != null && !auth.isEmpty() && auth.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = auth.get(0).substring(7).trim();
        } else if (request.getParameterMap().get("token") != null && !request.getParameterMap().get("token").isEmpty()) {
            token = request.getParameterMap().get("token").get(0);
        }
        if (token != null) {
            config.getUserProperties().put(TOKEN, token);
        }
    }

    /**
     * The one {@link ProtocolEndpoint} (an application-scoped bean) for every connection: it holds no
     * state of its own (a socket's lives in its {@link Connection}), and the container's default, a new
     * instance per connection with its injection points resolved, cost about a kilobyte of heap held per
     * connection and a share of each upgrade's CPU.
     */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        Object e = endpoint;
        if (e == null) {
            e = CDI.current().select(endpointClass).get();
            endpoint = e;
        }
        return endpointClass.cast(e);
    }

    private static List<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
