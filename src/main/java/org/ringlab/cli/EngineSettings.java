package org.ringlab.cli;

/**
 * JVM-wide engine settings that must be in place before DJL loads: offline mode (nothing may be
 * downloaded at run time) and the thread count.
 */
final class EngineSettings {
    private EngineSettings() {
    }

    static void applyDefaults() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("ai.djl.pytorch.graph_optimizer", "false");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "error");
    }

    /** Intra-op threads for libtorch; only effective before the engine's first use. */
    static void threads(int threads) {
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
