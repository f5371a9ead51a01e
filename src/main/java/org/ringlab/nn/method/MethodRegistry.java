package org.ringlab.nn.method;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringlab.config.Method;

/**
 * Every quantization method's descriptor, in the order menus and docs list them. Adding a method is
 * its constant in {@link Method}, one {@link MethodDescriptor} class and one line in {@link #ALL}.
 */
public final class MethodRegistry {
    /** The one list of methods. */
    private static final List<MethodDescriptor> ALL = List.of(
            new Fp32Descriptor(),
            new RingDescriptor(),
            new RingSteDescriptor(),
            new RingAnnealDescriptor(),
            new TwnDescriptor(),
            new TtqDescriptor(),
            new BitNetDescriptor(),
            new TequilaDescriptor(),
            new LsqDescriptor(),
            new DoReFaDescriptor(),
            new PowerOfTwoDescriptor(),
            new SlqDescriptor(),
            new MlqDescriptor(),
            new HitNetDescriptor(),
            new AdmmDescriptor(),
            new StqDescriptor(),
            new HlaDescriptor());

    private static final Map<Method, MethodDescriptor> BY_METHOD = index(ALL);

    private MethodRegistry() {
    }

    /** Every registered method, in registration order. */
    public static List<MethodDescriptor> all() {
        return ALL;
    }

    /** The descriptor of {@code method}; every {@link Method} has one. */
    public static MethodDescriptor of(Method method) {
        return BY_METHOD.get(method);
    }

    /** The descriptor of the method with this config key (case-insensitive), if there is one. */
    public static Optional<MethodDescriptor> find(String key) {
        return Method.find(key).map(MethodRegistry::of);
    }

    /** One descriptor per method, no method left out: a missing registration fails at class load, not mid-run. */
    static Map<Method, MethodDescriptor> index(List<MethodDescriptor> descriptors) {
        Map<Method, MethodDescriptor> byMethod = new EnumMap<>(Method.class);
        for (MethodDescriptor d : descriptors) {
            if (byMethod.put(d.method(), d) != null) {
                throw new IllegalStateException("method " + d.key() + " is registered twice");
            }
        }
        List<String> missing = Arrays.stream(Method.values()).filter(m -> !byMethod.containsKey(m))
                .map(Method::key).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("no descriptor registered for method(s) " + missing
                    + " in MethodRegistry");
        }
        return byMethod;
    }
}
