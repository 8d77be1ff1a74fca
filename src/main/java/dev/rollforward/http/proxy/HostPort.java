package dev.rollforward.http.proxy;

/** {@code host[:port]} or {@code [v6][:port]}, as proxy URLs and NO_PROXY entries write it. */
record HostPort(String host, int port) {

    /** Null when unreadable: no host, a bad port, or a character no host name has. */
    static HostPort parse(String s, int defaultPort) {
        String host;
        String port = null;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = rest.substring(1);
            }
        } else if (s.indexOf(':') != s.lastIndexOf(':')) {
            host = s; // a bare IPv6 literal
        } else {
            int colon = s.indexOf(':');
            host = colon >= 0 ? s.substring(0, colon) : s;
            port = colon >= 0 ? s.substring(colon + 1) : null;
        }
        int p = defaultPort;
        if (port != null) {
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
                return null;
            }
            p = Integer.parseInt(port);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._~%:-]+")) {
            return null;
        }
        return new HostPort(host, p);
    }
}
