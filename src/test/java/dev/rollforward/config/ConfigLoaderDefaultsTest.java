package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.Timeouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.RequestFamily;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §2 defaults, and the config example accepted as written. */
class ConfigLoaderDefaultsTest {

    static final String MINIMAL = ""
            + "routes:\n"
            + "  - label: cometapi-primary\n"
            + "    base_url: https://api.cometapi.com/v1\n"
            + "    request_family: chat\n"
            + "    model: gpt-4o-mini\n"
            + "    credential_env: COMETAPI_CANARY_KEY\n";

    /** The example from CONTRACT §2, verbatim apart from the comments. */
    static final String FULL = ""
            + "review_link: https://tickets.example.com/ROUTE-123     # optional, default for every route\n"
            + "routes:\n"
            + "  - label: cometapi-primary              # required; [A-Za-z0-9._-]+, unique\n"
            + "    base_url: https://api.cometapi.com/v1   # required; as given to OpenAI-compatible SDKs\n"
            + "    request_family: chat                 # required; chat | responses\n"
            + "    model: gpt-4o-mini                   # required\n"
            + "    prompt: \"Reply with the single word: ok\"   # optional, non-production text\n"
            + "    max_output_tokens: 16                # optional\n"
            + "    credential_env: COMETAPI_CANARY_KEY  # required: NAME of the env var holding the canary key\n"
            + "    disabled_credential_env: COMETAPI_DISABLED_KEY  # optional; absent: a generated invalid key\n"
            + "    headers: {X-Route-Label: cometapi-primary}      # optional, sent on every request\n"
            + "    expect:                              # optional\n"
            + "      upstream_host: api.cometapi.com    # default: the host of base_url\n"
            + "      upstream_header: {name: X-Upstream, value: cometapi}\n"
            + "      route_label_header: X-Route-Label  # response header that must echo the label\n"
            + "      model_prefix: gpt-4o-mini          # the body's `model` must start with this\n"
            + "    gateway_retry_headers: [x-litellm-attempted-retries, x-portkey-retry-attempt-count]  # the default\n"
            + "    timeouts: {connect_ms: 5000, request_ms: 30000}  # request_ms bounds one attempt, retries included\n"
            + "    retry: {max_retries: 1, base_delay_ms: 250, max_delay_ms: 2000, max_retry_after_ms: 5000}\n";

    @TempDir
    Path dir;

    private static Route only(String yaml) throws ConfigException {
        RouteFile f = ConfigLoader.parse("test.yaml", yaml);
        assertThat(f.routes()).hasSize(1);
        return f.routes().get(0);
    }

    @Test
    void aReviewLinkIsRequiredOnlyWhenTheConfigSaysTrue() throws Exception {
        assertThat(ConfigLoader.parse("test.yaml", MINIMAL).requireReviewLink()).isFalse();
        assertThat(ConfigLoader.parse("test.yaml", "require_review_link: false\n" + MINIMAL).requireReviewLink()).isFalse();
        assertThat(ConfigLoader.parse("test.yaml", "require_review_link: true\n" + MINIMAL).requireReviewLink()).isTrue();
    }

    @Test
    void minimalRouteGetsEveryDefault() throws Exception {
        Route r = only(MINIMAL);

        assertThat(r.label()).isEqualTo("cometapi-primary");
        assertThat(r.family()).isEqualTo(RequestFamily.CHAT);
        assertThat(r.model()).isEqualTo("gpt-4o-mini");
        assertThat(r.prompt()).isEqualTo(Route.DEFAULT_PROMPT).isEqualTo("Reply with the single word: ok");
        assertThat(r.maxOutputTokens()).isEqualTo(16);
        assertThat(r.retry()).isEqualTo(new RetryPolicy(1, 250, 2000, 5000));
        assertThat(r.timeouts()).isEqualTo(new Timeouts(5000, 30000));
        assertThat(r.credentialEnv()).isEqualTo("COMETAPI_CANARY_KEY");
        assertThat(r.disabledCredentialEnv()).isNull();
        assertThat(r.headers()).isEmpty();
        assertThat(r.reviewLink()).isNull();
        assertThat(r.expect().upstreamHost()).isEqualTo("api.cometapi.com");
        assertThat(r.expect().upstreamHeaderName()).isNull();
        assertThat(r.expect().upstreamHeaderValue()).isNull();
        assertThat(r.expect().routeLabelHeader()).isNull();
        assertThat(r.expect().modelPrefix()).isNull();
        assertThat(r.expect().routeLabel()).isEqualTo("cometapi-primary");
        assertThat(r.gatewayRetryHeaders())
                .containsExactly("x-litellm-attempted-retries", "x-portkey-retry-attempt-count");
        assertThat(r.endpoint()).isEqualTo("https://api.cometapi.com/v1/chat/completions");
        assertThat(r.line()).isEqualTo(2);
    }

    @Test
    void theContractExampleIsAcceptedAsWritten() throws Exception {
        RouteFile f = ConfigLoader.parse("routes.yaml", FULL);
        Route r = f.routes().get(0);

        assertThat(f.route("cometapi-primary")).isSameAs(r);
        assertThat(f.route("nope")).isNull();
        assertThat(r.reviewLink()).isEqualTo("https://tickets.example.com/ROUTE-123");
        assertThat(r.disabledCredentialEnv()).isEqualTo("COMETAPI_DISABLED_KEY");
        assertThat(r.headers()).isEqualTo(Map.of("X-Route-Label", "cometapi-primary"));
        assertThat(r.expect().upstreamHeaderName()).isEqualTo("X-Upstream");
        assertThat(r.expect().upstreamHeaderValue()).isEqualTo("cometapi");
        assertThat(r.expect().routeLabelHeader()).isEqualTo("X-Route-Label");
        assertThat(r.expect().modelPrefix()).isEqualTo("gpt-4o-mini");
        assertThat(r.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(r.timeouts()).isEqualTo(Timeouts.DEFAULT);
    }

    @Test
    void theContractExampleAsJsonIsAcceptedToo() throws Exception {
        String json = "{\n"
                + "  \"review_link\": \"https://tickets.example.com/ROUTE-123\",\n"
                + "  \"routes\": [{\n"
                + "    \"label\": \"cometapi-primary\",\n"
                + "    \"base_url\": \"https://api.cometapi.com/v1\",\n"
                + "    \"request_family\": \"responses\",\n"
                + "    \"model\": \"gpt-4o-mini\",\n"
                + "    \"credential_env\": \"COMETAPI_CANARY_KEY\",\n"
                + "    \"headers\": {\"X-Route-Label\": \"cometapi-primary\"},\n"
                + "    \"expect\": {\"upstream_header\": {\"name\": \"X-Upstream\", \"value\": \"cometapi\"}},\n"
                + "    \"retry\": {\"max_retries\": 3}\n"
                + "  }]\n"
                + "}\n";

        for (String name : List.of("routes.json", "routes.conf")) {
            RouteFile f = ConfigLoader.parse(name, json);
            Route r = f.routes().get(0);
            assertThat(r.family()).isEqualTo(RequestFamily.RESPONSES);
            assertThat(r.endpoint()).isEqualTo("https://api.cometapi.com/v1/responses");
            assertThat(r.retry()).isEqualTo(new RetryPolicy(3, 250, 2000, 5000));
            assertThat(r.expect().upstreamHost()).isEqualTo("api.cometapi.com");
            assertThat(r.line()).isEqualTo(3);
        }
    }

    @Test
    void loadReadsAFile() throws Exception {
        Path p = dir.resolve("routes.yaml");
        Files.writeString(p, FULL);

        RouteFile f = ConfigLoader.load(p);

        assertThat(f.path()).isEqualTo(p.toString());
        assertThat(f.routes()).hasSize(1);
    }

    @Test
    void partialRetryAndTimeoutBlocksKeepTheOtherDefaults() throws Exception {
        Route r = only(MINIMAL + "    retry: {max_retries: 3}\n    timeouts: {request_ms: 1000}\n");

        assertThat(r.retry()).isEqualTo(new RetryPolicy(3, 250, 2000, 5000));
        assertThat(r.timeouts()).isEqualTo(new Timeouts(5000, 1000));
    }

    @Test
    void maxRetriesZeroAndThreeAreAccepted() throws Exception {
        assertThat(only(MINIMAL + "    retry: {max_retries: 0}\n").retry().maxRetries()).isZero();
        assertThat(only(MINIMAL + "    retry: {max_retries: 3}\n").retry().maxRetries()).isEqualTo(3);
    }

    @Test
    void maxOutputTokensBoundsAreAccepted() throws Exception {
        assertThat(only(MINIMAL + "    max_output_tokens: 1\n").maxOutputTokens()).isEqualTo(1);
        assertThat(only(MINIMAL + "    max_output_tokens: 256\n").maxOutputTokens()).isEqualTo(256);
    }

    @Test
    void anExpectBlockWithoutUpstreamHostStillDefaultsToTheBaseUrlHost() throws Exception {
        Route r = only(MINIMAL.replace("https://api.cometapi.com/v1", "http://127.0.0.1:8080/v1")
                + "    expect: {model_prefix: gpt-4o}\n");

        assertThat(r.expect().upstreamHost()).isEqualTo("127.0.0.1");
        assertThat(r.expect().modelPrefix()).isEqualTo("gpt-4o");
        assertThat(r.expect().routeLabel()).isEqualTo("cometapi-primary");
        assertThat(r.gatewayRetryHeaders()).isEqualTo(Route.DEFAULT_GATEWAY_RETRY_HEADERS);
    }

    @Test
    void explicitUpstreamHostWins() throws Exception {
        Route r = only(MINIMAL + "    expect: {upstream_host: gateway.internal}\n");

        assertThat(r.expect().upstreamHost()).isEqualTo("gateway.internal");
    }

    @Test
    void theDefaultUpstreamHostIsTheHostTheRequestGoesTo() throws Exception {
        for (String base : List.of("https://API.CometAPI.com:8443/v1", "http://[::1]:8080/v1", "http://localhost/v1/")) {
            Route r = only(MINIMAL.replace("https://api.cometapi.com/v1", base));
            String requestHost = HttpUrl.get(r.endpoint()).host();

            assertThat(r.expect().upstreamHost()).as(base).isEqualToIgnoringCase(requestHost);
        }
    }

    @Test
    void emptyGatewayRetryHeadersTurnsTheFeatureOff() throws Exception {
        assertThat(only(MINIMAL + "    gateway_retry_headers: []\n").gatewayRetryHeaders()).isEmpty();
        assertThat(only(MINIMAL + "    gateway_retry_headers: [x-my-retries]\n").gatewayRetryHeaders())
                .containsExactly("x-my-retries");
    }

    @Test
    void aRouteReviewLinkOverridesTheTopLevelOne() throws Exception {
        RouteFile f = ConfigLoader.parse("test.yaml", "review_link: https://tickets.example.com/ALL\n" + MINIMAL
                + "    review_link: https://tickets.example.com/ONE\n"
                + "  - label: second\n    base_url: https://api.cometapi.com/v1\n    request_family: responses\n"
                + "    model: gpt-4o-mini\n    credential_env: OTHER_KEY\n");

        assertThat(f.routes().get(0).reviewLink()).isEqualTo("https://tickets.example.com/ONE");
        assertThat(f.routes().get(1).reviewLink()).isEqualTo("https://tickets.example.com/ALL");
        assertThat(f.routes()).extracting(Route::label).containsExactly("cometapi-primary", "second");
        assertThat(f.routes().get(1).line()).isEqualTo(9);
    }

    @Test
    void labelsMayUseTheWholeAllowedAlphabet() throws Exception {
        assertThat(only(MINIMAL.replace("cometapi-primary", "Comet_API.primary-2")).label()).isEqualTo("Comet_API.primary-2");
    }

    @Test
    void baseUrlWithSurroundingSpaceIsTrimmed() throws Exception {
        Route r = only(MINIMAL.replace("https://api.cometapi.com/v1", "\" https://api.cometapi.com/v1 \""));

        assertThat(r.baseUrl()).isEqualTo("https://api.cometapi.com/v1");
    }

    @Test
    void nullOptionalValuesAreDefaults() throws Exception {
        Route r = only(MINIMAL + "    prompt: null\n    retry: ~\n    expect:\n");

        assertThat(r.prompt()).isEqualTo(Route.DEFAULT_PROMPT);
        assertThat(r.retry()).isEqualTo(RetryPolicy.DEFAULT);
        assertThat(r.expect().upstreamHost()).isEqualTo("api.cometapi.com");
    }
}
