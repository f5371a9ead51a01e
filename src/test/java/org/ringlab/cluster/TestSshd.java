package org.ringlab.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The throw-away sshd of scripts/test-cluster/start-sshd.sh, named by RINGLAB_TEST_SSH. */
public final class TestSshd {
    public static final String SKIPPED = "skipped: no test sshd (scripts/test-cluster/start-sshd.sh)";

    private TestSshd() {
    }

    /** Its ssh config file (host aliases ringlab-test and ringlab-test-wrong-key); skips the test without it. */
    public static Path configOrSkip() {
        String dir = System.getenv("RINGLAB_TEST_SSH");
        assumeTrue(dir != null && !dir.isBlank(), SKIPPED);
        Path config = Path.of(dir, "ssh_config");
        assumeTrue(Files.isRegularFile(config), SKIPPED + ": " + config + " is missing");
        return config;
    }
}
