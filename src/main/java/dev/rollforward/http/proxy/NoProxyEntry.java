package dev.rollforward.http.proxy;

import java.util.Locale;

/** One NO_PROXY entry: a name (and its subdomains), an IP literal, or an IP range; maybe a port. */
record NoProxyEntry(String name, byte[] ip, int prefixBits, int port) {

    /** Null when the entry cannot be read: it then matches nothing, as in curl. */
    static NoProxyEntry parse(String raw) {
        String s = raw.toLowerCase(Locale.ROOT);
        if (s.startsWith("*.")) {
            s = s.substring(1);
        }
        while (s.startsWith(".")) {
            s = s.substring(1);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            byte[] ip = Hosts.ipLiteral(Hosts.normal(s.substring(0, slash)));
            String bits = s.substring(slash + 1);
            if (ip == null || !bits.matches("\\d{1,3}") || Integer.parseInt(bits) > ip.length * 8) {
                return null;
            }
            return new NoProxyEntry(null, ip, Integer.parseInt(bits), -1);
        }
        HostPort hp = HostPort.parse(s, -1);
        if (hp == null) {
            return null;
        }
        String host = Hosts.normal(hp.host());
        byte[] ip = Hosts.ipLiteral(host);
        return ip != null ? new NoProxyEntry(null, ip, ip.length * 8, hp.port())
                : new NoProxyEntry(host, null, 0, hp.port());
    }

    /** @param host a {@link Hosts#normal normal} host; {@code hostIp} its address when it is an IP literal */
    boolean matches(String host, byte[] hostIp, int hostPort) {
        if (port != -1 && port != hostPort) {
            return false;
        }
        if (ip != null) {
            return hostIp != null && hostIp.length == ip.length && samePrefix(hostIp, ip, prefixBits);
        }
        // An IP literal is matched only by IP entries (curl 7.86+): "0.0.1" is no suffix of 127.0.0.1.
        return hostIp == null && (host.equals(name) || host.endsWith("." + name));
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
