package dev.rollforward.http;

import dev.rollforward.vocabulary.RequestPlan;

import dev.rollforward.secrets.CredentialHeaders;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Sends rollforward's requests: one OkHttp client per run (one pool, one dispatcher),
 * redirects never followed, OkHttp's silent connection retry off so every resend is
 * counted by {@link BoundedRetryInterceptor}, each attempt bounded by its route's request_ms.
 */
public final class Transport implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient base;
    private final Pacer pacer;
    private final String userAgent;
    private final Map<String, OkHttpClient> perRoute = new ConcurrentHashMap<>();
    private final TlsTrust tls;
    /** The calls being sent and the threads sending them, for {@link #stop}; guarded by itself. */
    private final Map<Call, Thread> sending = new java.util.HashMap<>();
    private boolean stopped;

    /** @param trace receives the redacted-header HTTP trace for --verbose, or null */
    public Transport(String userAgent, Pacer pacer, Backoff backoff, int concurrency, Consumer<String> trace) {
        this(userAgent, pacer, backoff, concurrency, trace, null, null);
    }

    /**
     * @param trace   receives the redacted-header HTTP trace for --verbose, or null
     * @param tls     the CAs https routes are verified against; null: the JVM's trust store (OkHttp's default)
     * @param proxies the proxies from the environment (curl's variables); null: OkHttp's default selector
     */
    public Transport(String userAgent, Pacer pacer, Backoff backoff, int concurrency, Consumer<String> trace,
                     TlsTrust tls, EnvProxySelector proxies) {
        this.pacer = pacer;
        this.userAgent = userAgent;
        this.tls = tls;
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, concurrency * 2));
        dispatcher.setMaxRequestsPerHost(Math.max(5, concurrency * 2));
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, concurrency), 1, TimeUnit.MINUTES))
                // TLS is set up per https route (clientFor): loading the trust store costs
                // a few hundred milliseconds of start-up that an http route never needs.
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT))
                .addInterceptor(new BoundedRetryInterceptor(pacer, backoff));
        if (proxies != null) {
            b.proxySelector(proxies).proxyAuthenticator(proxies.authenticator());
        }
        if (trace != null) {
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor(trace::accept);
            logging.setLevel(HttpLoggingInterceptor.Level.HEADERS);
            for (String h : CredentialHeaders.NAMES) {
                logging.redactHeader(h);
            }
            b.addNetworkInterceptor(logging);
        }
        this.base = b.build();
    }

    /** Sends one attempt and returns what was seen; never throws for network trouble. */
    public ResponseSnapshot send(Route route, String credential) {
        OkHttpClient client = perRoute.computeIfAbsent(route.label(), k -> clientFor(route));
        RequestPlan plan = RequestPlan.of(route, userAgent);
        AttemptTrace trace = new AttemptTrace(route.retry(),
                pacer.nowMillis() + route.timeouts().requestMs(), route.gatewayRetryHeaders());
        Request.Builder rb = new Request.Builder().url(plan.url())
                .post(RequestBody.create(plan.body(), JSON))
                .tag(AttemptTrace.class, trace);
        plan.headers().forEach(rb::header);
        route.family().authHeaders(credential).forEach(rb::header);
        Request request = rb.build();
        String host = request.url().host();
        Call call = client.newCall(request);
        synchronized (sending) {
            if (stopped) {
                call.cancel();
            }
            sending.put(call, Thread.currentThread());
        }
        try (Response response = call.execute()) {
            ResponseSnapshot.Answer snapshot = BodyReader.snapshot(response, trace.resends());
            if (snapshot.bodyTruncated()) {
                // Closing would drain the rest of a huge body to reuse the connection; drop it instead.
                call.cancel();
            }
            return snapshot;
        } catch (IOException e) {
            Failure f = Failure.of(e);
            return new ResponseSnapshot.NoAnswer(f.reason(), f.code(), f.detail(), host, trace.resends());
        } finally {
            synchronized (sending) {
                sending.remove(call);
                if (stopped) {
                    Thread.interrupted(); // ours, from stop(): the thread goes on to write reports
                }
            }
        }
    }

    /**
     * Stops every send now and any later one before it starts: each call is cancelled and its
     * thread interrupted (a wait between resends does not notice a cancel). Each send then returns
     * the {@link ResponseSnapshot.NoAnswer} it was cut short with.
     */
    public void stop() {
        synchronized (sending) {
            stopped = true;
            sending.forEach((call, thread) -> {
                call.cancel();
                thread.interrupt();
            });
        }
    }

    private OkHttpClient clientFor(Route route) {
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

    @Override
    public void close() {
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }
}
