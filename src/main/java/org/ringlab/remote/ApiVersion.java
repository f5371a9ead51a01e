package org.ringlab.remote;

/**
 * The worker protocol's version, "MAJOR.MINOR". MAJOR is the proto package's (ringlab.worker.v1)
 * and changes only with an incompatible protocol; MINOR counts additive changes within it. A
 * client talks to any worker of its MAJOR; it refuses another MAJOR with a message that says what
 * to do.
 */
public final class ApiVersion {
    public static final String CURRENT = "1.0";

    private ApiVersion() {
    }

    /** @throws WorkerException when the worker speaks an incompatible protocol */
    static void check(String workerVersion, String where) {
        if (!major(CURRENT).equals(major(workerVersion))) {
            throw new WorkerException("the worker at " + where + " speaks RingLab worker API "
                    + (workerVersion.isBlank() ? "(none)" : workerVersion) + " but this RingLab speaks "
                    + CURRENT + "; run the same RingLab version on both sides");
        }
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
