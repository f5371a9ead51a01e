package org.ringlab.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A sweep sent to a cluster, as the workspace remembers it so that a window opened later follows
 * it on: how to reach the login host, the remote ringlab and sweep folder, the Slurm job, and the
 * local folder its run folders are copied into. Stored as {@code cluster-sweeps/<key>.json} in the
 * workspace; the copy goes to {@code cluster-sweeps/<key>/}.
 *
 * @param mounted the sweep folder as mounted on this machine (sshfs, NFS), read instead of a copy;
 *     null copies with rsync
 */
public record ClusterSweep(String key, SshTarget target, String ringlab, String remoteDir, String job, Path local,
        Path mounted, boolean ended) {
    static final String FOLDER = "cluster-sweeps";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A new sweep's record: its key from the job and the remote folder's name, its copy in the workspace. */
    static ClusterSweep submitted(Path workspace, SshTarget target, ClusterSweepRequest request, String job,
            Path mounted) {
        String base = Path.of(request.dir()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        String key = job.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + base;
        return new ClusterSweep(key, target, request.ringlab(), request.remoteDir(), job,
                workspace.resolve(FOLDER).resolve(key), mounted, false);
    }

    ClusterSweep withEnded() {
        return new ClusterSweep(key, target, ringlab, remoteDir, job, local, mounted, true);
    }

    /** Where the run folders are read on this machine: the mount, else the copy. */
    public Path runsFolder() {
        return mounted != null ? mounted : local;
    }

    /** Where this record is stored. */
    Path file() {
        return local.resolveSibling(key + ".json");
    }

    void save() throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("host", target.destination());
        o.put("port", target.port());
        o.put("ssh-config", target.configFile() == null ? null : target.configFile().toString());
        o.put("ringlab", ringlab);
        o.put("remote-dir", remoteDir);
        o.put("job", job);
        o.put("mounted", mounted == null ? null : mounted.toString());
        o.put("ended", ended);
        Files.createDirectories(local.getParent());
        Path tmp = file().resolveSibling(key + ".json.tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), o);
        Files.move(tmp, file(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static ClusterSweep read(Path file) throws IOException {
        var o = JSON.readTree(file.toFile());
        String name = file.getFileName().toString();
        String key = name.substring(0, name.length() - ".json".length());
        String config = o.path("ssh-config").isTextual() ? o.get("ssh-config").asText() : null;
        String mounted = o.path("mounted").isTextual() ? o.get("mounted").asText() : null;
        try {
            return new ClusterSweep(key, new SshTarget(o.path("host").asText(), o.path("port").asInt(0),
                    config == null ? null : Path.of(config)), o.path("ringlab").asText(), o.path("remote-dir").asText(),
                    o.path("job").asText(), file.resolveSibling(key), mounted == null ? null : Path.of(mounted),
                    o.path("ended").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every sweep the workspace remembers, oldest key first; records that cannot be read go to
     * {@code problems} as one line each.
     */
    public static List<ClusterSweep> list(Path workspace, List<String> problems) {
        Path folder = workspace.resolve(FOLDER);
        List<ClusterSweep> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.add(read(f));
                } catch (IOException e) {
                    problems.add("cluster sweep " + f + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("cluster sweeps: cannot list " + folder + ": " + e.getMessage());
        }
        return out;
    }
}
