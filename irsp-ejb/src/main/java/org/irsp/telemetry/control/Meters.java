package org.irsp.telemetry.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Gauge;
import org.eclipse.microprofile.metrics.MetricID;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * IRSP's metrics, named and described in one place, in Prometheus's conventions once exported on
 * {@code /metrics}: snake_case, the unit in the name (seconds, bytes), a HELP text each, counters ending in
 * {@code _total}, every series of a counter registered at zero when the application starts (a rate over a
 * series that appears at its first event misses that event). Tags take values from small fixed sets only.
 */
@ApplicationScoped
public class Meters {

    /** The RetCodes a message's target can get (§11.2), each its own series of {@code irsp_messages_routed_total}. */
    static final int[] ROUTED = {200, 202, 403, 404, 408, 480, 486};
    static final int[] P2P = {200, 403, 404, 408, 480, 486};

    @Inject MetricRegistry registry;
    @Inject Build build;

    private Map<String, Counter> logins;
    private Map<Integer, Counter> routed;
    private Map<Integer, Counter> p2pRequests;
    private Map<String, Counter> p2pPaths;
    private Map<String, Counter> restRequests;
    private Counter expired;
    private Counter framesIn;
    private Counter framesOut;
    private Counter bytesIn;
    private Counter bytesOut;
    private LatencyHistogram responseLatency;

    @PostConstruct
    void register() {
        logins = MeterSet.of(registry, "irsp.logins", "Logins by outcome (a lockout is also counted as a failure)", "outcome",
                "success", "failure", "lockout");
        routed = MeterSet.of(registry, "irsp.messages.routed", "DataMessage outcomes per target: 200 forwarded, 202 stored, "
                + "403, 404, 408, 480, 486 refused or failed", "ret_code", ROUTED);
        p2pRequests = MeterSet.of(registry, "irsp.p2p.requests", "P2P connect requests by outcome", "ret_code", P2P);
        p2pPaths = MeterSet.of(registry, "irsp.p2p.paths", "P2P channels by the path the parties reported", "path",
                "direct", "relay");
        restRequests = MeterSet.of(registry, "irsp.rest.requests", "REST requests by the class of their HTTP status", "status",
                "2xx", "3xx", "4xx", "5xx");
        expired = counter("irsp.messages.expired", "Offline items that expired before they were delivered", MetricUnits.NONE);
        framesIn = counter("irsp.ws.frames.received", "WebSocket text frames received from clients", MetricUnits.NONE);
        framesOut = counter("irsp.ws.frames.sent", "WebSocket text frames sent to clients", MetricUnits.NONE);
        bytesIn = counter("irsp.ws.received", "Bytes of WebSocket text frames received (UTF-8)", MetricUnits.BYTES);
        bytesOut = counter("irsp.ws.sent", "Bytes of WebSocket text frames sent (UTF-8)", MetricUnits.BYTES);
        responseLatency = new LatencyHistogram(registry, "irsp_response_latency_seconds",
                "Seconds from a DataMessage that needs a response to its DataMessageResponse");
        gauge("irsp.build.info", "The running build (always 1): its version and the protocol version in the tags", MetricUnits.NONE,
                () -> 1, new Tag("version", build.version()), new Tag("protocol", "1.0"));
    }

    /** Called once the application has started: being called makes the bean, so every series is there before the first scrape. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // registered by register()
    }

    private Counter counter(String name, String help, String unit) {
        return registry.counter(Metadata.builder().withName(name).withDescription(help).withUnit(unit).build());
    }

    /** A gauge read from {@code value} at each scrape. */
    public void gauge(String name, String help, String unit, Supplier<Number> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(help).withUnit(unit).build(), value, tags);
    }

    /** The value of a gauge registered under {@code name} (dotted, as registered), if there is one and it knows. */
    public Optional<Long> gauge(String name) {
        Gauge<?> g = registry.getGauge(new MetricID(name));
        Object value = g == null ? null : g.getValue();
        if (!(value instanceof Number n) || n.longValue() < 0) {
            return Optional.empty();
        }
        return Optional.of(n.longValue());
    }

    /** This node's counts so far, for the console's charts. */
    public MeterTotals totals() {
        long refused = 0;
        for (int code : ROUTED) {
            refused += code == 200 || code == 202 ? 0 : routed.get(code).getCount();
        }
        return new MeterTotals(logins.get("success").getCount(), logins.get("failure").getCount(), routed.get(200).getCount(),
                routed.get(202).getCount(), refused, expired.getCount(), framesIn.getCount(), framesOut.getCount(),
                responseLatency.counts());
    }

    public void login(String outcome) {
        logins.get(outcome).inc();
    }

    public void routed(int retCode) {
        MeterSet.inc(routed, retCode);
    }

    public void expired() {
        expired.inc();
    }

    public void responseLatency(long nanos) {
        responseLatency.record(nanos);
    }

    public void p2pRequest(int retCode) {
        MeterSet.inc(p2pRequests, retCode);
    }

    public void p2pPath(String path) {
        Counter c = p2pPaths.get(path);
        if (c != null) {
            c.inc();
        }
    }

    public void frameReceived(long bytes) {
        framesIn.inc();
        bytesIn.inc(bytes);
    }

    public void frameSent(long bytes) {
        framesOut.inc();
        bytesOut.inc(bytes);
    }

    public void restRequest(int status) {
        restRequests.get((status < 200 || status > 599 ? 5 : status / 100) + "xx").inc();
    }
}
