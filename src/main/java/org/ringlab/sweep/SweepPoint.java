package org.ringlab.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ringlab.config.RunConfig;
import org.ringlab.config.RunConfigJson;

/**
 * One run of a sweep: its name (also its directory's name) and its configuration as JSON.
 * The JSON stays the source of truth until {@link #config()} parses it, so expanding a grid never
 * depends on which keys this build's configuration knows.
 */
public record SweepPoint(String name, ObjectNode json) {
    public SweepPoint {
        json = json.deepCopy();
    }

    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** @throws org.ringlab.config.InvalidConfigException listing every key or value it cannot take */
    public RunConfig config() {
        return RunConfigJson.fromJson(json.toString());
    }
}
