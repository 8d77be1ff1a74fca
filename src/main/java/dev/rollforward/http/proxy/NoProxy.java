package dev.rollforward.http.proxy;

import java.util.ArrayList;
import java.util.List;

/**
 * The NO_PROXY list: comma-separated hosts that go direct, matched exactly or as a domain suffix
 * (a leading dot optional), with an optional {@code :port}; IP literals match exactly,
 * {@code a.b.c.d/n} ranges match IP literals; {@code *} alone means no proxy at all.
 */
final class NoProxy {

    static final NoProxy NONE = new NoProxy(List.of(), false);

    private final List<NoProxyEntry> entries;
    private final boolean forAll;

    private NoProxy(List<NoProxyEntry> entries, boolean forAll) {
        this.entries = entries;
        this.forAll = forAll;
    }

    static NoProxy parse(String list) {
        List<NoProxyEntry> entries = new ArrayList<>();
        boolean forAll = false;
        for (String raw : list.strip().split("[,\\s]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.equals("*")) {
                forAll = true;
            } else {
                NoProxyEntry e = NoProxyEntry.parse(raw);
                if (e != null) {
                    entries.add(e); // an entry we cannot read matches nothing, as in curl
                }
            }
        }
        return new NoProxy(List.copyOf(entries), forAll);
    }

    /** {@code *}: no URL goes through a proxy. */
    boolean forAll() {
        return forAll;
    }

    /** How many entries were read (for --verbose). */
    int size() {
        return entries.size();
    }

    /** The URL's host and port go direct. */
    boolean matches(String host, int port) {
        String h = Hosts.normal(host);
        byte[] ip = Hosts.ipLiteral(h);
        for (NoProxyEntry e : entries) {
            if (e.matches(h, ip, port)) {
                return true;
            }
        }
        return false;
    }
}
