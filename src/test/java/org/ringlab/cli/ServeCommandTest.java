package org.ringlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ringlab serve} refuses unsafe or broken setups with one line and exit code 2. (Serving itself: WorkerProcessTest.) */
class ServeCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aNetworkAddressWithoutATokenIsRefused() {
        String line = Cli.run("serve", "--host", "0.0.0.0", "--port", "0", "--workspace", tmp.toString())
                .assertUsageError();
        assertTrue(line.contains("without a token") && line.contains("SSH tunnel"), line);
    }

    @Test
    void anEmptyTokenFileIsRefused() throws Exception {
        Path token = Files.createFile(tmp.resolve("token"));
        String line = Cli.run("serve", "--port", "0", "--token-file", token.toString()).assertUsageError();
        assertTrue(line.contains("is empty"), line);
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        String line = Cli.run("serve", "--port", "70000").assertUsageError();
        assertTrue(line.contains("70000"), line);
    }

    @Test
    void aDataRootThatIsNotAFolderIsRefused() {
        String line = Cli.run("serve", "--port", "0", "--workspace", tmp.toString(), "--data-root",
                tmp.resolve("no-such-root").toString()).assertUsageError();
        assertTrue(line.contains("--data-root") && line.contains("no-such-root") && line.contains("not a folder"), line);
    }
}
