package dev.rollforward.http;

import dev.rollforward.check.BodyClassifier;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.Route;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Routes built the way users write them, pointing at a MockWebServer; and upstream answers. */
final class Routes {

    static final String CANARY = "sk-test-canary-000000000000000000000";
    /** What a check would send as X-Request-Id: {check_id}.{route_label}.{phase}. */
    static final String CORRELATION_ID = "test-check.primary.happy-path";
    static final String USER_AGENT = "rollforward/0.1.0-test";

    /** A transport on fake time whose full jitter always takes the ceiling: delays are exactly base * 2^n capped. */
    static Transport fakeTimeTransport(FakePacer pacer) {
        return Transport.builder(USER_AGENT, ERROR_CODES).pacer(pacer).backoff(new Backoff(bound -> bound)).build();
    }
    /** The reader run wires in: the check package's classifier. */
    static final ErrorCodeReader ERROR_CODES = body -> BodyClassifier.classify(body, false).errorCode();

    private Routes() {
    }

    /** One route; {@code extra} is more YAML at the route's indentation (4 spaces). */
    static Route route(MockWebServer server, String family, String extra) {
        return route(server.url("/v1").toString(), family, extra);
    }

    /** One route to any base URL (a hand-made server). */
    static Route route(String baseUrl, String family, String extra) {
        String yaml = "routes:\n"
                + "  - label: primary\n"
                + "    base_url: " + baseUrl + "\n"
                + "    request_family: " + family + "\n"
                + "    model: gpt-4o-mini\n"
                + "    credential_env: TEST_CANARY_KEY\n"
                + extra;
        try {
            return ConfigLoader.parse("test.yaml", yaml).routes().get(0);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static Route chat(MockWebServer server, String extra) {
        return route(server, "chat", extra);
    }

    /** A retry block: base 100, max delay 400, Retry-After honoured up to 5000. */
    static String retries(int max) {
        return "    retry: {max_retries: " + max + ", base_delay_ms: 100, max_delay_ms: 400, max_retry_after_ms: 5000}\n";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse.Builder jsonBuilder(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    }
}
