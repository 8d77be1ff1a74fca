package dev.rollforward.http.proxy;

import dev.rollforward.vocabulary.ConfigException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * One proxy from one variable, read as curl reads it: {@code [http://][user:password@]host[:port]}
 * (port 1080 when left out) or {@code socks5://host[:port]}.
 *
 * @param user              null when the URL has no credentials
 * @param password          decoded; sent only to this proxy, in {@code Proxy-Authorization}
 * @param passwordAsWritten as the variable holds it (%-escaped), for the redactor
 */
record ProxyUrl(String variable, Proxy proxy, String user, String password, String passwordAsWritten) {

    /** curl's default proxy port. */
    private static final int DEFAULT_PORT = 1080;

    /**
     * A value that is no proxy URL rollforward can use is a config error naming the variable; the
     * value itself is never shown (it may hold a password).
     */
    static ProxyUrl parse(String variable, String value) throws ConfigException {
        String rest = value.strip();
        String scheme = "http";
        int sep = rest.indexOf("://");
        if (sep >= 0) {
            scheme = rest.substring(0, sep).toLowerCase(Locale.ROOT);
            rest = rest.substring(sep + 3);
        }
        Proxy.Type type = type(variable, scheme);
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String user = null;
        String password = null;
        String passwordAsWritten = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            passwordAsWritten = colon >= 0 ? userInfo.substring(colon + 1) : "";
            user = decode(variable, colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            password = decode(variable, passwordAsWritten);
            if (type == Proxy.Type.SOCKS) {
                throw bad(variable, "has a user and password for a SOCKS proxy, which rollforward cannot send; "
                        + "use an http:// proxy for authenticated proxying");
            }
        }
        HostPort hp = HostPort.parse(authority, DEFAULT_PORT);
        if (hp == null) {
            throw bad(variable, "is not a proxy URL; expected [http://][user:password@]host[:port]");
        }
        Proxy proxy = new Proxy(type, InetSocketAddress.createUnresolved(hp.host(), hp.port()));
        return new ProxyUrl(variable, proxy, user, password, passwordAsWritten);
    }

    boolean hasCredentials() {
        return user != null;
    }

    /** The password as decoded and as written: neither may ever be printed. */
    List<String> secrets() {
        return hasCredentials() ? List.of(password, passwordAsWritten) : List.of();
    }

    /** For --verbose: where this proxy is and where it came from, without any credential. */
    String describe() {
        InetSocketAddress a = (InetSocketAddress) proxy.address();
        return "via " + proxy.type().name().toLowerCase(Locale.ROOT) + " proxy " + a.getHostString() + ":" + a.getPort()
                + " (" + variable + (hasCredentials() ? ", with credentials" : "") + ")";
    }

    private static Proxy.Type type(String variable, String scheme) throws ConfigException {
        switch (scheme) {
            case "http":
                return Proxy.Type.HTTP;
            case "socks5":
            case "socks5h":
            case "socks4":
            case "socks4a":
            case "socks":
                return Proxy.Type.SOCKS;
            case "https":
                throw bad(variable, "is an https:// proxy (TLS to the proxy), which rollforward cannot use; "
                        + "use the proxy's http:// address (https URLs still go through it encrypted, with CONNECT)");
            default:
                throw bad(variable, "has a proxy scheme rollforward cannot use; use http://host:port or socks5://host:port");
        }
    }

    private static String decode(String variable, String escaped) throws ConfigException {
        try {
            // URLDecoder decodes forms, where '+' is a space; in a URL's user info it is a plus.
            return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad(variable, "has a user or password with a broken %-escape");
        }
    }

    private static ConfigException bad(String variable, String problem) {
        return new ConfigException("environment variable " + variable + " " + problem
                + " (its value is not shown: it may hold a password)");
    }
}
