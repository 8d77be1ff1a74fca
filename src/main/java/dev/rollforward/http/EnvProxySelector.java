package dev.rollforward.http;

import dev.rollforward.vocabulary.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.Authenticator;
import okhttp3.Credentials;

/**
 * Proxies the way curl users expect them, read from the environment (never from the config):
 * {@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for
 * http URLs, {@code all_proxy}/{@code ALL_PROXY} when neither is set (the lower-case name wins, as
 * in curl), and {@code no_proxy}/{@code NO_PROXY}: comma-separated hosts that go direct, matched
 * exactly or as a domain suffix (a leading dot optional), with an optional {@code :port}; IP
 * literals match exactly, {@code a.b.c.d/n} ranges match IP literals; {@code *} alone means no
 * proxy at all. A proxy URL is {@code [http://][user:password@]host[:port]} (port 1080 when left
 * out, as in curl) or {@code socks5://host[:port]}; the password is sent only to that proxy, in
 * {@code Proxy-Authorization} (https goes through the proxy with CONNECT).
 */
public final class EnvProxySelector extends ProxySelector {

    /** curl's default proxy port. */
    static final int DEFAULT_PROXY_PORT = 1080;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    /** One proxy from one variable. */
    record ProxyUrl(String variable, Proxy proxy, String user, String password) {
        boolean hasCredentials() {
            return user != null;
        }
    }

    private final ProxyUrl http;
    private final ProxyUrl https;
    private final List<NoProxyEntry> noProxy;
    private final boolean noProxyForAll;
    private final List<String> secrets;

    private EnvProxySelector(ProxyUrl http, ProxyUrl https, List<NoProxyEntry> noProxy, boolean noProxyForAll,
                             List<String> secrets) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
        this.noProxyForAll = noProxyForAll;
        this.secrets = secrets;
    }

    /** Every request goes direct. */
    public static EnvProxySelector none() {
        return new EnvProxySelector(null, null, List.of(), false, List.of());
    }

    /**
     * Reads the proxy variables. A value that is no proxy URL rollforward can use is a config error
     * naming the variable; the value itself is never shown (it may hold a password).
     */
    public static EnvProxySelector from(Map<String, String> env) throws ConfigException {
        List<String> secrets = new ArrayList<>();
        ProxyUrl all = parse(env, firstSet(env, "all_proxy", "ALL_PROXY"), secrets);
        ProxyUrl http = parse(env, firstSet(env, "http_proxy", "HTTP_PROXY"), secrets);
        ProxyUrl https = parse(env, firstSet(env, "https_proxy", "HTTPS_PROXY"), secrets);
        String noProxyVar = firstSet(env, "no_proxy", "NO_PROXY");
        String list = noProxyVar == null ? "" : env.get(noProxyVar).strip();
        List<NoProxyEntry> entries = new ArrayList<>();
        boolean forAll = false;
        for (String raw : list.split("[,\\s]+")) {
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
        return new EnvProxySelector(http != null ? http : all, https != null ? https : all, List.copyOf(entries),
                forAll, List.copyOf(secrets));
    }

    /** The proxy passwords, for the run's redactor: they must never be printed. */
    public List<String> secrets() {
        return secrets;
    }

    /** True when some URL would go through a proxy. */
    public boolean any() {
        return (http != null || https != null) && !noProxyForAll;
    }

    /** For --verbose: which proxy serves which scheme, without any credential. */
    public String describe() {
        if (!any()) {
            return "no proxy (none set in the environment, or NO_PROXY=*)";
        }
        return "https " + describe(https) + "; http " + describe(http)
                + (noProxy.isEmpty() ? "" : "; " + noProxy.size() + " NO_PROXY entr" + (noProxy.size() == 1 ? "y" : "ies"));
    }

    private static String describe(ProxyUrl p) {
        if (p == null) {
            return "direct";
        }
        InetSocketAddress a = (InetSocketAddress) p.proxy().address();
        return "via " + p.proxy().type().name().toLowerCase(Locale.ROOT) + " proxy " + a.getHostString() + ":" + a.getPort()
                + " (" + p.variable() + (p.hasCredentials() ? ", with credentials" : "") + ")";
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("uri");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        ProxyUrl p = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        String host = uri.getHost();
        if (p == null || host == null || noProxyForAll) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String h = normalHost(host);
        byte[] ip = ipLiteral(h);
        for (NoProxyEntry e : noProxy) {
            if (e.matches(h, ip, port)) {
                return List.of(Proxy.NO_PROXY);
            }
        }
        return List.of(p.proxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to remember: one proxy per scheme, and rollforward's own loop decides on resends.
    }

    /**
     * Answers a proxy's 407 (and OkHttp's preemptive challenge before a CONNECT) with Basic
     * credentials from the proxy's URL; gives up after one try so wrong credentials cannot loop.
     */
    public Authenticator authenticator() {
        return (route, response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            for (ProxyUrl p : new ProxyUrl[] {https, http}) {
                if (p != null && p.hasCredentials() && p.proxy().equals(route.proxy())) {
                    return response.request().newBuilder()
                            .header("Proxy-Authorization", Credentials.basic(p.user(), p.password(), StandardCharsets.UTF_8))
                            .build();
                }
            }
            return null;
        };
    }

    private static String firstSet(Map<String, String> env, String lower, String upper) {
        if (env.get(lower) != null) {
            return lower; // set, even to "": the lower-case name wins, as in curl
        }
        return env.get(upper) != null ? upper : null;
    }

    private static ProxyUrl parse(Map<String, String> env, String variable, List<String> secrets) throws ConfigException {
        if (variable == null || env.get(variable).isBlank()) {
            return null;
        }
        String value = env.get(variable).strip();
        String scheme = "http";
        int sep = value.indexOf("://");
        if (sep >= 0) {
            scheme = value.substring(0, sep).toLowerCase(Locale.ROOT);
            value = value.substring(sep + 3);
        }
        Proxy.Type type;
        switch (scheme) {
            case "http":
                type = Proxy.Type.HTTP;
                break;
            case "socks5":
            case "socks5h":
            case "socks4":
            case "socks4a":
            case "socks":
                type = Proxy.Type.SOCKS;
                break;
            case "https":
                throw bad(variable, "is an https:// proxy (TLS to the proxy), which rollforward cannot use; "
                        + "use the proxy's http:// address (https URLs still go through it encrypted, with CONNECT)");
            default:
                throw bad(variable, "has a proxy scheme rollforward cannot use; use http://host:port or socks5://host:port");
        }
        int slash = value.indexOf('/');
        String authority = slash >= 0 ? value.substring(0, slash) : value;
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = percentDecode(colon >= 0 ? userInfo.substring(0, colon) : userInfo, variable);
            password = colon >= 0 ? percentDecode(userInfo.substring(colon + 1), variable) : "";
            String rawPassword = colon >= 0 ? userInfo.substring(colon + 1) : "";
            secrets.add(password);
            secrets.add(rawPassword);
            if (type == Proxy.Type.SOCKS) {
                throw bad(variable, "has a user and password for a SOCKS proxy, which rollforward cannot send; "
                        + "use an http:// proxy for authenticated proxying");
            }
        }
        HostPort hp = HostPort.parse(authority, DEFAULT_PROXY_PORT);
        if (hp == null || hp.host().isEmpty()) {
            throw bad(variable, "is not a proxy URL; expected [http://][user:password@]host[:port]");
        }
        return new ProxyUrl(variable, new Proxy(type, InetSocketAddress.createUnresolved(hp.host(), hp.port())), user,
                password);
    }

    private static ConfigException bad(String variable, String problem) {
        return new ConfigException("environment variable " + variable + " " + problem
                + " (its value is not shown: it may hold a password)");
    }

    private static String percentDecode(String s, String variable) throws ConfigException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw bad(variable, "has a user or password with a broken %-escape");
                }
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Lower case, no IPv6 brackets, no trailing dot. */
    static String normalHost(String host) {
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
        java.util.regex.Matcher m = IPV4.matcher(host);
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

    /** host[:port] or [v6][:port]; null when unreadable. */
    record HostPort(String host, int port) {
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

    /** One NO_PROXY entry: a name (and its subdomains), an IP literal, or an IP range; maybe a port. */
    record NoProxyEntry(String name, byte[] ip, int prefixBits, int port) {

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
                byte[] ip = ipLiteral(normalHost(s.substring(0, slash)));
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
            String host = normalHost(hp.host());
            byte[] ip = ipLiteral(host);
            return ip != null ? new NoProxyEntry(null, ip, ip.length * 8, hp.port())
                    : new NoProxyEntry(host, null, 0, hp.port());
        }

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
}
