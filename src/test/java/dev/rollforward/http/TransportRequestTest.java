package dev.rollforward.http;

import static dev.rollforward.http.Snapshots.answer;
import static dev.rollforward.http.Snapshots.noAnswer;
import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.chat;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.retries;
import static dev.rollforward.http.Routes.route;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.check.Bodies;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link Transport} puts on the wire, and what it makes of odd answers. */
class TransportRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @StartStop
    final MockWebServer server = new MockWebServer();

    @StartStop
    final MockWebServer elsewhere = new MockWebServer();

    private final FakePacer pacer = new FakePacer();
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    /** The user agent the CLI really sends. */
    private final Transport transport = Transport.builder(dev.rollforward.vocabulary.Version.userAgent(), Routes.ERROR_CODES)
            .pacer(pacer).backoff(new Backoff(bound -> 0)).trace(trace::add).build();

    @AfterEach
    void close() {
        transport.close();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached the server").isNotNull();
        return r;
    }

    @Test
    void chatPostsMessagesToChatCompletionsWithTheCanaryAsBearer() throws Exception {
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);
        RecordedRequest r = take();

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(r.getHeaders().get("User-Agent")).startsWith("rollforward/");
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.getBody().utf8());
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.path("messages").isArray()).isTrue();
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Reply with the single word: ok");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(16);
        assertThat(body.path("stream").asBoolean(true)).isFalse();
        assertThat(body.has("input")).isFalse();
    }

    @Test
    void responsesPostsInputAndMaxOutputTokensToResponses() throws Exception {
        server.enqueue(json(200, Bodies.RESPONSE));

        ResponseSnapshot s = transport.send(route(server, "responses",
                "    prompt: \"Say ok\"\n    max_output_tokens: 32\n"), CANARY, Map.of(), Routes.CORRELATION_ID);
        RecordedRequest r = take();

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1/responses");
        JsonNode body = JSON.readTree(r.getBody().utf8());
        assertThat(body.path("input").asText()).isEqualTo("Say ok");
        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(32);
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.has("messages")).isFalse();
    }

    @Test
    void aTrailingSlashOnBaseUrlDoesNotDoubleTheSlash() throws Exception {
        server.enqueue(json(200, Bodies.CHAT));
        String yaml = "routes:\n  - label: slash\n    base_url: " + server.url("/v1/") + "\n"
                + "    request_family: chat\n    model: gpt-4o-mini\n    credential_env: K\n";

        transport.send(dev.rollforward.config.ConfigLoader.parse("t.yaml", yaml).routes().get(0), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void configuredHeadersAreSentOnEveryRequestIncludingResends() throws Exception {
        server.enqueue(json(503, Bodies.OVERLOADED_503));
        server.enqueue(json(200, Bodies.CHAT));

        transport.send(chat(server, retries(1) + "    headers: {X-Route-Label: primary, X-Team: infra}\n"), CANARY, Map.of(), Routes.CORRELATION_ID);

        for (int i = 0; i < 2; i++) {
            RecordedRequest r = take();
            assertThat(r.getHeaders().get("X-Route-Label")).isEqualTo("primary");
            assertThat(r.getHeaders().get("X-Team")).isEqualTo("infra");
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + CANARY);
        }
    }

    @Test
    void theVerboseTraceNeverShowsTheKey() {
        server.enqueue(json(200, Bodies.CHAT));

        transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(trace).isNotEmpty();
        assertThat(String.join("\n", trace)).doesNotContain(CANARY).doesNotContain("sk-test-canary");
    }

    @Test
    void snapshotCarriesStatusLowerCasedHeadersBodyAndHost() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("X-Oneapi-Request-Id", "20261127").addHeader("X-Upstream", "cometapi").body(Bodies.CHAT).build());

        ResponseSnapshot s = transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.statusClass()).isEqualTo("2xx");
        assertThat(answer(s).headers()).containsKeys("x-oneapi-request-id", "x-upstream", "content-type");
        assertThat(s.header("X-Oneapi-Request-Id")).isEqualTo("20261127");
        assertThat(new String(answer(s).body(), StandardCharsets.UTF_8)).isEqualTo(Bodies.CHAT);
        assertThat(answer(s).bodyTruncated()).isFalse();
        assertThat(answer(s).bodyError()).isNull();
        assertThat(s.requestHost()).isEqualTo(server.url("/").host());
        assertThat(s.resends()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsAreNeverFollowed(int code) {
        String target = elsewhere.url("/v1/chat/completions").toString();
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Location", target)
                .addHeader("Content-Type", "text/html").body(Bodies.HTML).build());
        elsewhere.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = transport.send(chat(server, retries(3)), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(s).status()).isEqualTo(code);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).as("the credential never left for another host").isZero();
        assertThat(s.header("Location")).isEqualTo(target);
    }

    @Test
    void aBodyLargerThanTheCapIsTruncatedAndNotKept() {
        Buffer big = new Buffer();
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < 32; i++) {
            big.write(chunk);
        }
        server.enqueue(new MockResponse.Builder().code(200).body(big).build());

        ResponseSnapshot s = transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(answer(s).bodyTruncated()).isTrue();
        assertThat(answer(s).body()).isEmpty();
    }

    @Test
    void aChunkedBodyLargerThanTheCapIsTruncated() {
        server.enqueue(new MockResponse.Builder().code(200).chunkedBody("x".repeat(2 * 1024 * 1024), 256 * 1024).build());

        ResponseSnapshot s = transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(s).bodyTruncated()).isTrue();
    }

    @Test
    void aBodyOfExactlyTheCapIsKept() {
        server.enqueue(new MockResponse.Builder().code(200).body("y".repeat((int) BodyReader.BODY_CAP)).build());

        ResponseSnapshot s = transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(s).bodyTruncated()).isFalse();
        assertThat(answer(s).body()).hasSize((int) BodyReader.BODY_CAP);
    }

    @Test
    void aBodyCutShortIsReportedWithItsStatus() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(Bodies.CHAT).onResponseBody(new SocketEffect.CloseSocket()).build());

        ResponseSnapshot s = transport.send(chat(server, ""), CANARY, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(answer(s).bodyError()).isEqualTo("body_incomplete");
    }

    @Test
    void hangingUpstreamsAreCutAtRequestMs() throws Exception {
        // The one test that waits for real: request_ms is 300 ms, a real clock drives the deadline.
        // Each upstream keeps sending a little, so no single read waits long: only request_ms can end it.
        RealClockPacer real = new RealClockPacer();
        try (Transport t = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES).pacer(real)
                .backoff(new Backoff(bound -> bound)).build()) {
            warmUp(t, server);
            warmUp(t, elsewhere);

            // "102 Processing" every 10 ms for 5 s, and the answer never comes.
            MockResponse.Builder processing = new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE);
            for (int i = 0; i < 500; i++) {
                processing.addInformationalResponse(
                        new MockResponse.Builder().code(102).headersDelay(10, TimeUnit.MILLISECONDS).build());
            }
            server.enqueue(processing.build());
            Route route = chat(server, retries(1) + "    timeouts: {connect_ms: 300, request_ms: 300}\n");
            long t0 = System.nanoTime();
            ResponseSnapshot s = t.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
            long headersMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            assertThat(noAnswer(s).reason()).isEqualTo("deadline_exceeded");
            assertThat(headersMs).isBetween(250L, 2500L);
            assertThat(s.resends()).isZero();
            take();
            take(); // recorded once the hang-up ends the server's 102s
            assertThat(server.getRequestCount()).as("no resend once request_ms is spent").isEqualTo(2);

            // Headers come, then the body at 64 bytes every 10 ms: 64 KiB would take 10 s.
            elsewhere.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("x".repeat(64 * 1024)).throttleBody(64, 10, TimeUnit.MILLISECONDS).build());
            Route slowBody = chat(elsewhere, retries(1) + "    timeouts: {connect_ms: 300, request_ms: 300}\n");
            t0 = System.nanoTime();
            ResponseSnapshot b = t.send(slowBody, CANARY, Map.of(), Routes.CORRELATION_ID);
            long bodyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

            assertThat(answer(b).status()).isEqualTo(200);
            assertThat(answer(b).bodyError()).isEqualTo("body_deadline_exceeded");
            assertThat(bodyMs).isBetween(250L, 2500L);
            assertThat(elsewhere.getRequestCount()).as("the warm-up and the slow body, no resend").isEqualTo(2);
            assertThat(real.sleeps).isEmpty();
        }
    }

    /**
     * One quick answer through a route of its own: OkHttp's classes are loaded and a connection is
     * pooled, so a 300 ms request_ms is spent on the upstream alone, even on a loaded machine.
     */
    private static void warmUp(Transport t, MockWebServer upstream) throws Exception {
        upstream.enqueue(json(200, Bodies.CHAT));
        String yaml = "routes:\n  - label: warm-up\n    base_url: " + upstream.url("/v1") + "\n"
                + "    request_family: chat\n    model: gpt-4o-mini\n    credential_env: K\n";
        ResponseSnapshot s = t.send(dev.rollforward.config.ConfigLoader.parse("warm.yaml", yaml).routes().get(0), CANARY, Map.of(), Routes.CORRELATION_ID);
        assertThat(answer(s).status()).isEqualTo(200);
    }

    /** Real time for the deadline, but no real sleeping: a wait is only recorded. */
    private static final class RealClockPacer implements Pacer {
        final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public long nowMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleep(long millis) {
            sleeps.add(millis);
        }
    }
}
