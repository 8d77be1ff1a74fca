package dev.rollforward.http.proxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Answers a proxy's 407 (and OkHttp's preemptive challenge before a CONNECT) with Basic
 * credentials from the proxy's URL; gives up after one try so wrong credentials cannot loop.
 */
final class ProxyAuthenticator implements Authenticator {

    private final List<ProxyUrl> proxies = new ArrayList<>();

    /** Either may be null; the https proxy is asked first. */
    ProxyAuthenticator(ProxyUrl https, ProxyUrl http) {
        for (ProxyUrl p : new ProxyUrl[] {https, http}) {
            if (p != null && p.hasCredentials()) {
                proxies.add(p);
            }
        }
    }

    @Override
    public Request authenticate(Route route, Response response) {
        if (route == null || response.request().header("Proxy-Authorization") != null) {
            return null;
        }
        for (ProxyUrl p : proxies) {
            if (p.proxy().equals(route.proxy())) {
                return response.request().newBuilder()
                        .header("Proxy-Authorization", Credentials.basic(p.user(), p.password(), StandardCharsets.UTF_8))
                        .build();
            }
        }
        return null;
    }
}
