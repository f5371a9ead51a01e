package org.ringlab.ui;

/** "host:port" as typed in the connect dialog, checked before anything is dialled. */
public record ServiceAddress(String host, int port) {

    /** @throws IllegalArgumentException saying what is wrong with the text */
    public static ServiceAddress parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("write the address as host:port, e.g. 127.0.0.1:50051");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + t.substring(colon + 1) + "' is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        return new ServiceAddress(host, port);
    }
}
