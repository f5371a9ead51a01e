package org.ringlab.cluster;

import java.nio.file.Path;

/**
 * Where to connect: a destination exactly as the user's ssh takes it (a host, {@code user@host},
 * or a {@code ~/.ssh/config} alias), an optional port, and an optional ssh config file other than
 * the user's own (the tests' throw-away sshd).
 *
 * @param port 0 leaves the port to ssh (and ~/.ssh/config)
 * @param configFile null uses ~/.ssh/config as it is
 */
public record SshTarget(String destination, int port, Path configFile) {
    public SshTarget {
        destination = destination == null ? "" : destination.strip();
        if (destination.isEmpty()) {
            throw new IllegalArgumentException("login host: empty (a host name, user@host or a ~/.ssh/config alias)");
        }
        if (destination.startsWith("-") || destination.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("login host: '" + destination + "' is not a host name");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("login host: port " + port + " is out of range");
        }
    }

    /** "host", "user@host" or "host:port" as typed in the dialog. */
    public static SshTarget parse(String text, Path configFile) {
        String t = text == null ? "" : text.strip();
        int colon = t.lastIndexOf(':');
        if (colon > 0 && colon < t.length() - 1 && t.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return new SshTarget(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)), configFile);
        }
        return new SshTarget(t, 0, configFile);
    }

    /** The host part, for messages. */
    public String host() {
        return destination.substring(destination.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return port == 0 ? destination : destination + ":" + port;
    }
}
