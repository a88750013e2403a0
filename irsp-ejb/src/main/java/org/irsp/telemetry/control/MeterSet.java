package org.irsp.telemetry.control;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** One counter with a tag whose values are known in advance: every series registered at zero. */
final class MeterSet {

    static Map<String, Counter> of(MetricRegistry registry, String name, String help, String tag, String... values) {
        Metadata metadata = metadata(name, help);
        return Arrays.stream(values).collect(Collectors.toUnmodifiableMap(Function.identity(),
                v -> registry.counter(metadata, new Tag(tag, v))));
    }

    static Map<Integer, Counter> of(MetricRegistry registry, String name, String help, String tag, int... values) {
        Metadata metadata = metadata(name, help);
        return Arrays.stream(values).boxed().collect(Collectors.toUnmodifiableMap(Function.identity(),
                v -> registry.counter(metadata, new Tag(tag, String.valueOf(v)))));
    }

    private static Metadata metadata(String name, String help) {
        return Metadata.builder().withName(name).withDescription(help).withUnit(MetricUnits.NONE).build();
    }

    /** Counts {@code value}'s series; a value outside the set is counted under none (it cannot happen, and must not add series). */
    static void inc(Map<Integer, Counter> set, int value) {
        Counter c = set.get(value);
        if (c != null) {
            c.inc();
        }
    }

    private MeterSet() {}
}
