package org.ringlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ringlab.sweep.slurm.SlurmException;
import org.ringlab.sweep.slurm.SlurmSweep;
import org.ringlab.sweep.slurm.SlurmTools;
import org.ringlab.sweep.slurm.SweepManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ringlab sweep cancel DIR}: scancel the sweep's job array. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel every task of a Slurm sweep that has not ended (scancel); finished runs and the "
            + "checkpoints of the others stay in their folders.")
final class SweepCancelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep folder.")
    Path sweepDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = sweepDir.toAbsolutePath().normalize();
        try {
            SweepManifest manifest = SweepManifest.read(dir);
            new SlurmSweep(new SlurmTools()).cancel(dir);
            out.println("cancelled job " + manifest.job() + "; 'ringlab sweep status " + dir + "' shows what ended how");
        } catch (IOException | SlurmException e) {
            throw new UserError(e.getMessage(), e);
        }
        return 0;
    }
}
