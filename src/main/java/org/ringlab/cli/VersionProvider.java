package org.ringlab.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports RingLab's version and the pinned engine versions. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = RingLabCli.class.getPackage().getImplementationVersion();
        return new String[] {"RingLab " + (v == null ? "(development build)" : v),
            "DJL 0.36.0, PyTorch 2.7.1 (CPU build unless packaged with the gpu profile)"};
    }
}
