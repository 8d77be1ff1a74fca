package dev.rollforward.http.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Host names the way NO_PROXY compares them, and IP literals read without any DNS lookup. */
final class Hosts {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Hosts() {
    }

    /** Lower case, no IPv6 brackets, no trailing dot. */
    static String normal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** The address of an IP literal, or null for a name. Never a DNS lookup. */
    static byte[] ipLiteral(String host) {
        Matcher m = IPV4.matcher(host);
        if (m.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(m.group(i + 1));
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        }
        if (host.indexOf(':') >= 0 && IPV6_CHARS.matcher(host).matches()) {
            try {
                return InetAddress.getByName(host).getAddress(); // a literal with ':' is parsed, never looked up
            } catch (UnknownHostException e) {
                return null;
            }
        }
        return null;
    }
}
