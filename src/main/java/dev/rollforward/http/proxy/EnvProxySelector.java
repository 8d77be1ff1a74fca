package dev.rollforward.http.proxy;

import dev.rollforward.vocabulary.ConfigException;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import okhttp3.Authenticator;

/**
 * Proxies the way curl users expect them, read from the environment (never from the config):
 * {@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for
 * http URLs, {@code all_proxy}/{@code ALL_PROXY} when neither is set, and {@code no_proxy}/{@code
 * NO_PROXY} for the hosts that go direct ({@link NoProxy}). A proxy URL is read by {@link ProxyUrl};
 * its password is sent only to that proxy, in {@code Proxy-Authorization} (https goes through the
 * proxy with CONNECT).
 */
public final class EnvProxySelector extends ProxySelector {

    /** The variables read, each pair lower case first as curl reads them. */
    private static final java.util.List<String> VARIABLES = java.util.List.of("https_proxy", "HTTPS_PROXY",
            "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY");

    /** {@code env} without any proxy variable: for a run that must never leave loopback through a proxy. */
    public static Map<String, String> withoutProxyVariables(Map<String, String> env) {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.keySet().removeIf(k -> VARIABLES.stream().anyMatch(k::equalsIgnoreCase));
        return out;
    }

    private final ProxyUrl http;
    private final ProxyUrl https;
    private final NoProxy noProxy;
    private final List<String> secrets;

    private EnvProxySelector(ProxyUrl http, ProxyUrl https, NoProxy noProxy, List<String> secrets) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
        this.secrets = secrets;
    }

    /** Every request goes direct. */
    public static EnvProxySelector none() {
        return new EnvProxySelector(null, null, NoProxy.NONE, List.of());
    }

    /**
     * Reads the proxy variables. A value that is no proxy URL rollforward can use is a config error
     * naming the variable; the value itself is never shown (it may hold a password).
     */
    public static EnvProxySelector from(Map<String, String> env) throws ConfigException {
        ProxyVariables variables = new ProxyVariables(env);
        ProxyUrl all = variables.proxy("all_proxy", "ALL_PROXY");
        ProxyUrl http = variables.proxy("http_proxy", "HTTP_PROXY");
        ProxyUrl https = variables.proxy("https_proxy", "HTTPS_PROXY");
        List<String> secrets = Stream.of(all, http, https).filter(Objects::nonNull)
                .flatMap(p -> p.secrets().stream()).toList();
        return new EnvProxySelector(http != null ? http : all, https != null ? https : all,
                NoProxy.parse(variables.value("no_proxy", "NO_PROXY")), secrets);
    }

    /** The proxy passwords, for the run's redactor: they must never be printed. */
    public List<String> secrets() {
        return secrets;
    }

    /** True when some URL would go through a proxy. */
    boolean any() {
        return (http != null || https != null) && !noProxy.forAll();
    }

    /** For --verbose: which proxy serves which scheme, without any credential. */
    public String describe() {
        if (!any()) {
            return "no proxy (none set in the environment, or NO_PROXY=*)";
        }
        int n = noProxy.size();
        return "https " + describe(https) + "; http " + describe(http)
                + (n == 0 ? "" : "; " + n + " NO_PROXY entr" + (n == 1 ? "y" : "ies"));
    }

    private static String describe(ProxyUrl p) {
        return p == null ? "direct" : p.describe();
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("uri");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        ProxyUrl p = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        String host = uri.getHost();
        if (p == null || host == null || noProxy.forAll()) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return List.of(noProxy.matches(host, port) ? Proxy.NO_PROXY : p.proxy());
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // Nothing to remember: one proxy per scheme, and rollforward's own loop decides on resends.
    }

    /** Answers a proxy's 407 with the credentials from its URL (see {@link ProxyAuthenticator}). */
    public Authenticator authenticator() {
        return new ProxyAuthenticator(https, http);
    }
}
