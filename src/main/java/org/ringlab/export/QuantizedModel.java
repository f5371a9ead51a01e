package org.ringlab.export;

import org.ringlab.config.RunConfig;
import org.ringlab.nn.BuiltModel;

/**
 * A model rebuilt from an {@code .rqm} file, in {@link org.ringlab.nn.WeightMode#SNAPPED} mode:
 * its ring positions sit at slot centres, so only the snapped weights mean anything (they are the
 * stored ones); the soft weights are not those the model was trained with.
 *
 * @param config the run configuration stored in the file
 * @param model the initialised model, its arrays owned by the manager given to the reader
 */
public record QuantizedModel(RunConfig config, BuiltModel model) {
}
