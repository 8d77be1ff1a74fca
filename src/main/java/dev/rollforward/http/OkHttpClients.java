package dev.rollforward.http;

import dev.rollforward.secrets.CredentialHeaders;
import dev.rollforward.vocabulary.Route;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * The OkHttp clients of one run: a base client (one pool, one dispatcher), redirects never
 * followed, OkHttp's silent connection retry off so every resend is counted by
 * {@link BoundedRetryInterceptor}; and per route a client sharing them, bounded by the route's
 * timeouts.
 */
final class OkHttpClients implements AutoCloseable {

    private final OkHttpClient base;
    private final TlsTrust tls;
    /** The --verbose trace, or null. */
    private final HttpLoggingInterceptor trace;
    private final Map<String, OkHttpClient> perRoute = new ConcurrentHashMap<>();

    OkHttpClients(Transport.Builder settings) {
        this.tls = settings.tls;
        int concurrency = settings.concurrency;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, concurrency * 2));
        dispatcher.setMaxRequestsPerHost(Math.max(5, concurrency * 2));
        ConnectionPool pool = new ConnectionPool(Math.max(5, concurrency), 1, TimeUnit.MINUTES);
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .dispatcher(dispatcher)
                .connectionPool(pool)
                .eventListenerFactory(SendEvents.FACTORY)
                // TLS is set up per https route (forRoute): loading the trust store costs
                // a few hundred milliseconds of start-up that an http route never needs.
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .addInterceptor(new BoundedRetryInterceptor(settings.pacer, settings.backoff, settings.errorCodes,
                        pool::evictAll));
        if (settings.proxies != null) {
            b.proxySelector(settings.proxies).proxyAuthenticator(settings.proxies.authenticator());
        }
        this.trace = settings.trace == null ? null : redactedTrace(settings.trace);
        if (trace != null) {
            b.addNetworkInterceptor(trace);
        }
        this.base = b.build();
    }

    /** The route's client, made on its first request. */
    OkHttpClient forRoute(Route route) {
        return perRoute.computeIfAbsent(route.label(), k -> clientFor(route));
    }

    private OkHttpClient clientFor(Route route) {
        if (trace != null) {
            synchronized (trace) { // redactHeader replaces a set: two routes at once must not lose one
                route.headersEnv().keySet().forEach(trace::redactHeader);
            }
        }
        Duration request = Duration.ofMillis(route.timeouts().requestMs());
        OkHttpClient.Builder b = base.newBuilder()
                .connectTimeout(Duration.ofMillis(Math.min(route.timeouts().connectMs(), route.timeouts().requestMs())))
                .readTimeout(request)
                .writeTimeout(request)
                .callTimeout(request);
        if (route.endpoint().regionMatches(true, 0, "https:", 0, 6)) {
            b.connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT));
            if (tls != null) {
                b.sslSocketFactory(tls.socketFactory(), tls.trustManager());
            }
        }
        return b.build();
    }

    /**
     * Headers only, credential headers redacted (and each route's headers_env, as its client is made):
     * no secret reaches the --verbose trace.
     */
    private static HttpLoggingInterceptor redactedTrace(Consumer<String> sink) {
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor(sink::accept);
        logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
        for (String h : CredentialHeaders.NAMES) {
            logging.redactHeader(h);
        }
        return logging;
    }

    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
