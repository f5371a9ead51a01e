package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH transport against a real sshd on a loopback port (scripts/test-cluster/start-sshd.sh):
 * commands, one multiplexed master, copying a folder back, and the one line a refused key gives.
 */
class SshTransportTest {
    private static final Duration T = Duration.ofSeconds(30);
    private Path config;

    @TempDir
    Path tmp;

    @BeforeEach
    void needsTheTestSshd() {
        config = TestSshd.configOrSkip();
    }

    private SshTarget target(String alias) {
        return new SshTarget(alias, 0, config);
    }

    @Test
    void runsCommandsOverOneMaster() {
        try (SshConnection ssh = new SshConnection(target("ringlab-test"))) {
            String out = ssh.run(List.of("printf", "%s|", "a b", "it's", "$HOME", "x;y"), T);
            assertEquals("a b|it's|$HOME|x;y|", out);
            assertTrue(ssh.hasSocket(), "the first command left a master socket");
            // the master answers: later commands go through it
            List<String> check = new java.util.ArrayList<>(List.of("ssh"));
            check.addAll(ssh.options());
            check.addAll(List.of("-O", "check", "--", "ringlab-test"));
            assertEquals(0, BoundedProcess.run(check, null, T).exit());
            for (int i = 0; i < 5; i++) {
                assertEquals("ok" + i, ssh.run(List.of("echo", "ok" + i), T).strip());
            }
            var failed = assertThrows(SshException.class,
                    () -> ssh.run(List.of("sh", "-c", "echo partial; echo 'no such sweep' >&2; exit 3"), T));
            assertEquals("ringlab-test: sh failed (exit 3): no such sweep", failed.getMessage());
        }
    }

    @Test
    void writesAFileAndCopiesAFolderBack() throws IOException {
        Path remote = tmp.resolve("remote sweep");
        Path run = Files.createDirectories(remote.resolve("mlp-ring-triangle4-s1"));
        Files.writeString(run.resolve("metrics.csv"), "epoch,step\n1,10\n");
        Files.writeString(run.resolve("run.json"), "{\"status\":\"running\"}");
        Files.writeString(run.resolve("resume.ckpt"), "big");
        Path local = tmp.resolve("copy");
        try (SshConnection ssh = new SshConnection(target("ringlab-test"))) {
            ssh.write(remote + "/base.json", "{\"method\":\"ring\"}\n", T);
            assertEquals("{\"method\":\"ring\"}\n", Files.readString(remote.resolve("base.json")));

            ssh.copyBack(remote.toString(), local, T);
            Path copied = local.resolve("mlp-ring-triangle4-s1");
            assertEquals("epoch,step\n1,10\n", Files.readString(copied.resolve("metrics.csv")));
            assertFalse(Files.exists(copied.resolve("resume.ckpt")), "checkpoints stay on the cluster");

            // the run moved on: the next copy brings the change
            Files.writeString(run.resolve("metrics.csv"), "epoch,step\n1,10\n2,20\n");
            Files.writeString(run.resolve("run.json"), "{\"status\":\"finished\"}");
            ssh.copyBack(remote.toString(), local, T);
            assertEquals("epoch,step\n1,10\n2,20\n", Files.readString(copied.resolve("metrics.csv")));
            assertEquals("{\"status\":\"finished\"}", Files.readString(copied.resolve("run.json")));

            var missing = assertThrows(SshException.class, () -> ssh.copyBack(tmp + "/nowhere", local, T));
            assertTrue(missing.getMessage().startsWith("rsync from ringlab-test:" + tmp + "/nowhere failed (exit 23): "),
                    missing.getMessage());
        }
    }

    @Test
    void aRefusedKeyIsOneClearLine() {
        try (SshConnection ssh = new SshConnection(target("ringlab-test-wrong-key"))) {
            var e = assertThrows(SshException.class, () -> ssh.run(List.of("true"), T));
            assertEquals("ssh: could not connect to ringlab-test-wrong-key: Permission denied (publickey)", e.getMessage());
            var copy = assertThrows(SshException.class, () -> ssh.copyBack("/tmp", tmp.resolve("c"), T));
            assertEquals("ssh: could not connect to ringlab-test-wrong-key: Permission denied (publickey)",
                    copy.getMessage());
        }
    }

    @Test
    void closingEndsTheMaster() {
        SshConnection ssh = new SshConnection(target("ringlab-test"));
        ssh.run(List.of("true"), T);
        assertTrue(ssh.hasSocket());
        ssh.close();
        assertFalse(ssh.hasSocket(), "the master's socket is gone");
    }
}
