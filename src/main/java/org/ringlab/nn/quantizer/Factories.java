package org.ringlab.nn.quantizer;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.ringlab.config.Method;

/**
 * Factories compared by value (method key and settings), so that two model specs built from the same
 * configuration are equal (the .rqm reader checks a file's configuration against its model).
 */
final class Factories {
    private Factories() {
    }

    static QuantizerFactory of(Method method, String label, List<Object> settings,
            Function<LayerGeometry, WeightQuantizer> make) {
        return new ValueFactory(method.key(), label, settings, make, false);
    }

    static QuantizerFactory ring(Method method, String label, List<Object> settings,
            Function<LayerGeometry, WeightQuantizer> make) {
        return new ValueFactory(method.key(), label, settings, make, true);
    }

    private static final class ValueFactory implements QuantizerFactory {
        private final String method;
        private final String label;
        private final List<Object> settings;
        private final Function<LayerGeometry, WeightQuantizer> make;
        private final boolean ring;

        ValueFactory(String method, String label, List<Object> settings, Function<LayerGeometry, WeightQuantizer> make,
                boolean ring) {
            this.method = method;
            this.label = label;
            this.settings = List.copyOf(settings);
            this.make = make;
            this.ring = ring;
        }

        @Override
        public WeightQuantizer create(LayerGeometry layer) {
            return make.apply(layer);
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public boolean isRing() {
            return ring;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ValueFactory f && f.method.equals(method) && f.settings.equals(settings);
        }

        @Override
        public int hashCode() {
            return Objects.hash(method, settings);
        }

        @Override
        public String toString() {
            return method + settings;
        }
    }
}
