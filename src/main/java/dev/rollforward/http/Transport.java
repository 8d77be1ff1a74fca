package dev.rollforward.http;

import dev.rollforward.http.proxy.EnvProxySelector;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RequestPlan;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.SendTrail;
import dev.rollforward.vocabulary.StreamWatch;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends rollforward's requests and says what came back, each attempt bounded by its route's
 * request_ms and resent only by {@link BoundedRetryInterceptor}; the clients are {@link OkHttpClients}.
 */
public final class Transport implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClients clients;
    private final Pacer pacer;
    private final String userAgent;
    /** The calls being sent and the threads sending them, for {@link #stop}; guarded by itself. */
    private final Map<Call, Thread> sending = new java.util.HashMap<>();
    private boolean stopped;
    private final Function<RequestFamily, StreamWatch> streams;

    private Transport(Builder settings) {
        this.clients = new OkHttpClients(settings);
        this.pacer = settings.pacer;
        this.userAgent = settings.userAgent;
        this.streams = settings.streams;
    }

    /**
     * A transport for a run that sends as {@code userAgent} and reads error bodies' codes with
     * {@code errorCodes}; every other setting has a default.
     */
    public static Builder builder(String userAgent, ErrorCodeReader errorCodes) {
        return new Builder(userAgent, errorCodes);
    }

    /**
     * Sends one attempt and returns what was seen; never throws for network trouble.
     *
     * @param secretHeaders the route's {@code headers_env} values, by header name
     * @param correlationId sent in {@code X-Request-Id} (and the gateway's trace header) on every send
     */
    public ResponseSnapshot send(Route route, String credential, Map<String, String> secretHeaders,
                                 String correlationId) {
        OkHttpClient client = clients.forRoute(route); // first: an https route's TLS set-up is not the attempt's time
        RequestPlan plan = RequestPlan.of(route, userAgent, correlationId);
        AttemptTrace trace = new AttemptTrace(route, pacer.nowMillis() + route.timeouts().requestMs());
        Request.Builder rb = new Request.Builder().url(plan.url())
                .post(RequestBody.create(plan.body(), JSON))
                .tag(AttemptTrace.class, trace);
        plan.headers().forEach(rb::header);
        secretHeaders.forEach(rb::header);
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
            SendTrail trail = new SendTrail(response.request().url().host(), correlationId, trace.sends());
            ResponseSnapshot.Answer snapshot = isStream(route, response)
                    ? streamSnapshot(route, response, trail)
                    : BodyReader.snapshot(response, trail);
            if (snapshot.bodyTruncated() || snapshot.stream() != null) {
                // Closing would drain the rest of a huge body (or a stream past its end marker) to reuse the
                // connection; drop it instead.
                call.cancel();
            }
            return snapshot;
        } catch (IOException e) {
            Failure f = Failure.of(e);
            return new ResponseSnapshot.NoAnswer(f.reason(), f.code(), f.detail(),
                    new SendTrail(host, correlationId, trace.sends()));
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

    /** A 2xx event stream on a route that asked for one; anything else is read whole and judged as it is. */
    private static boolean isStream(Route route, Response response) {
        String type = response.header("Content-Type", "");
        return route.stream() && response.isSuccessful() && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    /** Past its headers a stream is never resent: it is read here, after the retry loop has let it through. */
    private ResponseSnapshot.Answer streamSnapshot(Route route, Response response, SendTrail trail) {
        if (streams == null) {
            throw new IllegalStateException("a streaming route needs Transport.Builder.streams");
        }
        StreamReader.Result read = StreamReader.read(response.body(), streams.apply(route.family()));
        return new ResponseSnapshot.Answer(response.code(), response.headers().toMultimap(), new byte[0],
                read.truncated(), read.bodyError(), trail, read.facts());
    }

    @Override
    public void close() {
        clients.close();
    }

    /** How a run's transport sends: time, backoff, pool size, trace, trust and proxies. */
    public static final class Builder {

        final String userAgent;
        final ErrorCodeReader errorCodes;
        Pacer pacer = Pacer.SYSTEM;
        Backoff backoff = Backoff.random();
        int concurrency = 1;
        Consumer<String> trace;
        TlsTrust tls;
        EnvProxySelector proxies;
        Function<RequestFamily, StreamWatch> streams;

        private Builder(String userAgent, ErrorCodeReader errorCodes) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            this.errorCodes = Objects.requireNonNull(errorCodes, "errorCodes");
        }

        /** The retry loop's clock and sleep (default: the system's). */
        public Builder pacer(Pacer pacer) {
            this.pacer = Objects.requireNonNull(pacer, "pacer");
            return this;
        }

        /** The delay between resends (default: full jitter). */
        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** How many routes are checked at once; sizes the pool and the dispatcher (default 1). */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Receives the redacted-header HTTP trace for --verbose (default: no trace). */
        public Builder trace(Consumer<String> trace) {
            this.trace = trace;
            return this;
        }

        /** The CAs https routes are verified against (default: the JVM's trust store). */
        public Builder tls(TlsTrust tls) {
            this.tls = tls;
            return this;
        }

        /** The proxies from the environment (default: OkHttp's selector). */
        public Builder proxies(EnvProxySelector proxies) {
            this.proxies = proxies;
            return this;
        }

        /**
         * What follows a stream's events, one per attempt and family: the check package's to say, so
         * run hands it in (needed only for streaming routes).
         */
        public Builder streams(Function<RequestFamily, StreamWatch> streams) {
            this.streams = streams;
            return this;
        }

        public Transport build() {
            return new Transport(this);
        }
    }
}
