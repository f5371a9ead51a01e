package org.ringlab.train.init;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import java.util.ArrayList;
import java.util.List;
import org.ringlab.nn.QuantizedLayer;

/**
 * A model's convs, linears (plain or quantized) and BatchNorms in forward order: the order the
 * reference registers its modules in, which {@code ReferenceImporter} pairs by as well.
 */
final class Leaves {
    private Leaves() {
    }

    static List<Block> of(Block root) {
        List<Block> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Block block, List<Block> out) {
        if (block instanceof QuantizedLayer || block instanceof Conv2d || block instanceof Linear
                || block instanceof BatchNorm) {
            out.add(block);
            return;
        }
        for (Block child : block.getChildren().values()) {
            collect(child, out);
        }
    }

    /** "conv", "linear" or "BatchNorm"; a quantized layer by what it replaces. */
    static String kind(Block block) {
        if (block instanceof BatchNorm) {
            return "BatchNorm";
        }
        if (block instanceof QuantizedLayer q) {
            return q.weightShape().dimension() == 4 ? "conv" : "linear";
        }
        return block instanceof Conv2d ? "conv" : "linear";
    }

    static Parameter param(Block block, Parameter.Type type) {
        for (Parameter p : block.getDirectParameters().values()) {
            if (p.getType() == type) {
                return p;
            }
        }
        return null;
    }
}
