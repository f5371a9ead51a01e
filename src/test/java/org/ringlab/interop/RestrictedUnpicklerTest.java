package org.ringlab.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile pickles: each must be refused with a message that says what and why, and nothing may run. */
class RestrictedUnpicklerTest {
    @TempDir
    Path dir;

    @Test
    void refusesOsSystemAndRunsNothing() throws IOException {
        Path marker = dir.resolve("pwned");
        Path file = new CraftedCheckpoint().proto()
                .global("os", "system").string("touch " + marker).op(0x85, 'R', '.')
                .write(dir, "evil");
        CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file));
        assertRefusal(e, file, "global 'os.system'");
        assertFalse(Files.exists(marker));
    }

    @Test
    void refusesBuiltinsEvalEvenInsideAStateDict() throws IOException {
        Path file = new CraftedCheckpoint().proto().op('}').string("model_state_dict")
                .global("builtins", "eval").string("__import__('os').system('id')").op(0x85, 'R', 's', '.')
                .write(dir, "eval");
        assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                "global 'builtins.eval'");
    }

    @Test
    void refusesSubprocess() throws IOException {
        Path file = new CraftedCheckpoint().proto().global("subprocess", "Popen").op('.').write(dir, "popen");
        assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                "global 'subprocess.Popen'");
    }

    @Test
    void refusesCallingAStorageClass() throws IOException {
        Path file = new CraftedCheckpoint().proto().global("torch", "FloatStorage").op(')', 'R', '.')
                .write(dir, "callstorage");
        assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                "REDUCE on global 'torch.FloatStorage'");
    }

    @Test
    void refusesBuildOnANonDict() throws IOException {
        Path file = new CraftedCheckpoint().proto().op(']', '}', 'b', '.').write(dir, "build");
        assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                "BUILD of a list");
    }

    @Test
    void refusesInstObjAndExtensionCodes() throws IOException {
        byte[][] programs = {
            {(byte) 0x80, 2, 'i', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', '.'},
            {(byte) 0x80, 2, '(', 'o', '.'},
            {(byte) 0x80, 2, (byte) 0x82, 1, '.'},
            {(byte) 0x80, 2, (byte) 0x93, '.'},
        };
        String[] names = {"INST", "OBJ", "EXT1", "STACK_GLOBAL"};
        for (int i = 0; i < programs.length; i++) {
            Path file = new CraftedCheckpoint().raw(programs[i]).write(dir, "op" + i);
            assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                    "opcode " + names[i]);
        }
    }

    @Test
    void refusesNewerProtocols() throws IOException {
        Path file = new CraftedCheckpoint().op(0x80, 4, 'N', '.').write(dir, "proto4");
        assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                "pickle protocol 4");
    }

    @Test
    void refusesAForeignPersistentId() throws IOException {
        Path file = new CraftedCheckpoint().proto().string("/etc/passwd").op(0x85, 'Q', '.').write(dir, "pid");
        assertRefusal(assertThrows(CheckpointException.class, () -> TorchCheckpoint.read(file)), file,
                "persistent id");
    }

    private static void assertRefusal(CheckpointException e, Path file, String what) {
        String m = e.getMessage();
        assertTrue(m.startsWith(file.toString()), m);
        assertTrue(m.contains("refused " + what), m);
        assertTrue(m.contains("a pickle is a program"), m);
    }
}
