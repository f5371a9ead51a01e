package org.ringlab.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ssh and rsync command lines, built without running them. */
class SshCommandsTest {
    private final Path control = Path.of("/tmp/rl-ssh123");

    @Test
    void everyCallSharesOneMasterAndNeverPrompts() {
        SshConnection ssh = new SshConnection(SshTarget.parse("alice@login1", null), control, false);
        List<String> c = ssh.sshCommand("ringlab-cli/bin/ringlab sweep status 'my sweep' --json");
        assertEquals("ssh", c.get(0));
        assertTrue(c.containsAll(List.of("BatchMode=yes", "ControlMaster=auto", "ControlPath=/tmp/rl-ssh123/%C",
                "ControlPersist=" + SshConnection.PERSIST_SECONDS)), c.toString());
        // the destination follows "--", so a host typed as "-oProxyCommand=…" cannot become an option
        assertEquals(List.of("--", "alice@login1", "ringlab-cli/bin/ringlab sweep status 'my sweep' --json"),
                c.subList(c.size() - 3, c.size()));
        assertTrue(!c.contains("-F") && !c.contains("-p"), "no config file or port unless given: " + c);
    }

    @Test
    void portAndConfigFileAreOptional() {
        SshConnection ssh = new SshConnection(SshTarget.parse("127.0.0.1:2222", Path.of("/t/ssh_config")), control, false);
        List<String> c = ssh.sshCommand("true");
        assertEquals(List.of("ssh", "-F", "/t/ssh_config", "-p", "2222"), c.subList(0, 5));
        assertEquals("127.0.0.1", c.get(c.size() - 2));
    }

    @Test
    void rsyncGoesThroughTheSameMaster() {
        SshConnection ssh = new SshConnection(SshTarget.parse("login1", Path.of("/t/my config")), control, false);
        List<String> c = ssh.rsyncCommand("~/sweeps/s1/", Path.of("/home/a/ws/cluster-sweeps/7-s1"));
        assertEquals("rsync", c.get(0));
        String shell = c.get(c.indexOf("-e") + 1);
        assertTrue(shell.startsWith("ssh -F '/t/my config' "), shell);
        assertTrue(shell.contains("ControlPath=/tmp/rl-ssh123/%C") && shell.contains("BatchMode=yes"), shell);
        // "~/" means the home folder, where a relative remote path starts anyway
        assertEquals("login1:sweeps/s1//", c.get(c.size() - 2));
        assertEquals("/home/a/ws/cluster-sweeps/7-s1/", c.get(c.size() - 1));
        assertTrue(c.contains("--exclude=*.ckpt"), "checkpoints stay on the cluster: " + c);
    }

    @Test
    void hostsThatAreNotHostsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("", null));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("-oProxyCommand=sh", null));
        assertThrows(IllegalArgumentException.class, () -> SshTarget.parse("login1 rm", null));
        assertEquals(new SshTarget("login1", 0, null), SshTarget.parse(" login1 ", null));
        assertEquals("login1", SshTarget.parse("bob@login1:22", null).host());
    }

    @Test
    void theReasonIsSshsLastWordWithoutItsPrefix() {
        assertEquals("Permission denied (publickey)", SshConnection.reason(
                "Warning: Permanently added 'x' (ED25519) to the list of known hosts.\r\n"
                        + "root@127.0.0.1: Permission denied (publickey).\n", "?"));
        assertEquals("connect to host 127.0.0.1 port 2299: Connection refused",
                SshConnection.reason("ssh: connect to host 127.0.0.1 port 2299: Connection refused\n", "?"));
        assertEquals("Could not resolve hostname nowhere: Name or service not known",
                SshConnection.reason("ssh: Could not resolve hostname nowhere: Name or service not known\n"
                        + "rsync: connection unexpectedly closed (0 bytes received so far) [Receiver]\n"
                        + "rsync error: unexplained error (code 255) at io.c(231) [Receiver=3.2.7]\n", "?"));
        assertEquals("?", SshConnection.reason("  \n", "?"));
    }
}
