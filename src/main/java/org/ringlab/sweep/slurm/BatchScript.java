package org.ringlab.sweep.slurm;

import java.nio.file.Path;

/**
 * The batch script every array task runs: it starts {@code ringlab sweep task} for its grid point
 * and turns Slurm's warning signal into a clean stop and a requeue.
 *
 * <p>Why a shell between Slurm and the JVM: the JVM cannot trap SIGUSR2 portably, so the script
 * traps it ({@code --signal=B:USR2@120} signals the batch shell only), forwards SIGTERM to the JVM,
 * whose shutdown hook stops the run at its next step and keeps its checkpoint, and then requeues the
 * task; the requeued task resumes from that checkpoint. A SIGTERM from Slurm itself (scancel,
 * scontrol requeue, preemption) reaches the JVM the same way, without the self-requeue.
 */
public final class BatchScript {
    /** The script's name inside the sweep folder. */
    public static final String FILE = "sweep.sbatch";

    private BatchScript() {
    }

    public static String text(Path launcher, Path sweepDir) {
        return """
                #!/bin/bash
                # Written by 'ringlab sweep --executor slurm': array task $SLURM_ARRAY_TASK_ID trains one grid point
                # of %2$s into its run folder. On USR2 (time limit near, or preemption) the run stops at its next
                # step, keeps its checkpoint, and the task requeues itself to resume from it.
                ringlab=%1$s
                sweep=%2$s
                echo "== task ${SLURM_ARRAY_TASK_ID} (job ${SLURM_JOB_ID}) on ${SLURMD_NODENAME:-$(hostname)}, restart ${SLURM_RESTART_COUNT:-0}, CUDA_VISIBLE_DEVICES=${CUDA_VISIBLE_DEVICES:-none}, $(date -Is)"
                warned=0
                "$ringlab" sweep task "$sweep" --index "$SLURM_ARRAY_TASK_ID" &
                child=$!
                trap 'warned=1; kill -TERM "$child" 2>/dev/null' USR2
                trap 'kill -TERM "$child" 2>/dev/null' TERM
                # wait returns early when a trapped signal arrives; wait again until the JVM has exited
                while true; do
                  wait "$child"
                  code=$?
                  kill -0 "$child" 2>/dev/null || break
                done
                # 0 finished, 1 failed, 2 bad input: nothing to resume. Anything else after the warning: stopped.
                if [ "$warned" = 1 ] && [ "$code" -gt 2 ]; then
                  echo "== task ${SLURM_ARRAY_TASK_ID} stopped on the warning signal; requeueing it"
                  scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}" || true
                fi
                exit "$code"
                """.formatted(quote(launcher.toString()), quote(sweepDir.toString()));
    }

    /** Single-quoted for bash, whatever the path holds. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
