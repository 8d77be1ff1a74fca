package dev.rollforward.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CONTRACT §4: the digest moves with every setting that shapes a request or a judgement, and with nothing else. */
class RouteDigestTest {

    /** Every key set, each to a value other than its default, so that each can be changed alone. */
    static final String ROUTE = ""
            + "review_link: https://tickets.example.com/ROUTE-123\n"
            + "routes:\n"
            + "  - label: cometapi-primary\n"
            + "    base_url: https://api.cometapi.com/v1\n"
            + "    request_family: chat\n"
            + "    model: gpt-4o-mini\n"
            + "    prompt: \"Say ok\"\n"
            + "    max_output_tokens: 8\n"
            + "    credential_env: COMETAPI_CANARY_KEY\n"
            + "    disabled_credential_env: COMETAPI_DISABLED_KEY\n"
            + "    headers: {X-Route-Label: cometapi-primary, X-Team: payments}\n"
            + "    expect:\n"
            + "      upstream_host: api.cometapi.com\n"
            + "      upstream_header: {name: X-Upstream, value: cometapi}\n"
            + "      route_label_header: X-Route-Label\n"
            + "      model_prefix: gpt-4o-mini\n"
            + "    gateway_retry_headers: [x-litellm-attempted-retries, x-portkey-retry-attempt-count]\n"
            + "    timeouts: {connect_ms: 4000, request_ms: 20000}\n"
            + "    retry: {max_retries: 2, base_delay_ms: 200, max_delay_ms: 1500, max_retry_after_ms: 4000}\n";

    /** The same route: keys in another order, comments, flow style turned to block style, JSON-style quoting. */
    static final String REORDERED = ""
            + "# the same route, written by someone else\n"
            + "routes:\n"
            + "  - retry: {max_retry_after_ms: 4000, max_delay_ms: 1500, base_delay_ms: 200, max_retries: 2}\n"
            + "    timeouts:\n"
            + "      request_ms: 20000   # the whole attempt\n"
            + "      connect_ms: 4000\n"
            + "    gateway_retry_headers: [X-Portkey-Retry-Attempt-Count, x-litellm-attempted-retries]\n"
            + "    expect:\n"
            + "      model_prefix: gpt-4o-mini\n"
            + "      route_label_header: X-Route-Label\n"
            + "      upstream_header: {value: cometapi, name: X-Upstream}\n"
            + "      upstream_host: api.cometapi.com\n"
            + "    headers:\n"
            + "      X-Team: payments\n"
            + "      X-Route-Label: \"cometapi-primary\"\n"
            + "    disabled_credential_env: COMETAPI_DISABLED_KEY\n"
            + "    credential_env: 'COMETAPI_CANARY_KEY'\n"
            + "    max_output_tokens: 8\n"
            + "    prompt: Say ok\n"
            + "    model: gpt-4o-mini   # the model\n"
            + "    request_family: chat\n"
            + "    base_url: https://api.cometapi.com/v1/\n"
            + "    label: cometapi-primary\n"
            + "    review_link: https://tickets.example.com/ANOTHER-TICKET\n";

    private static Route only(String yaml) throws ConfigException {
        return ConfigLoader.parse("routes.yaml", yaml).routes().get(0);
    }

    private static String digest(String yaml) throws ConfigException {
        return RouteDigest.of(only(yaml));
    }

    @Test
    void isSha256HexOfTheCanonicalForm() throws ConfigException {
        assertThat(digest(ROUTE)).matches("sha256:[0-9a-f]{64}");
        assertThat(digest(ROUTE)).isEqualTo(digest(ROUTE));
    }

    @Test
    void reorderedKeysCommentsQuotingAndAnotherReviewLinkGiveTheSameDigest() throws ConfigException {
        assertThat(digest(REORDERED)).isEqualTo(digest(ROUTE));
    }

    @Test
    void theSameRouteAsJsonGivesTheSameDigest() throws ConfigException {
        String json = "{\"routes\": [{\"label\": \"cometapi-primary\", \"base_url\": \"https://api.cometapi.com/v1\","
                + " \"request_family\": \"chat\", \"model\": \"gpt-4o-mini\", \"prompt\": \"Say ok\", \"max_output_tokens\": 8,"
                + " \"credential_env\": \"COMETAPI_CANARY_KEY\", \"disabled_credential_env\": \"COMETAPI_DISABLED_KEY\","
                + " \"headers\": {\"X-Team\": \"payments\", \"X-Route-Label\": \"cometapi-primary\"},"
                + " \"expect\": {\"upstream_header\": {\"name\": \"X-Upstream\", \"value\": \"cometapi\"},"
                + " \"route_label_header\": \"X-Route-Label\", \"model_prefix\": \"gpt-4o-mini\"},"
                + " \"timeouts\": {\"connect_ms\": 4000, \"request_ms\": 20000},"
                + " \"retry\": {\"max_retries\": 2, \"base_delay_ms\": 200, \"max_delay_ms\": 1500, \"max_retry_after_ms\": 4000}}]}";
        assertThat(RouteDigest.of(ConfigLoader.parse("routes.json", json).routes().get(0))).isEqualTo(digest(ROUTE));
    }

    @Test
    void anExplicitDefaultAndAnAbsentKeyGiveTheSameDigest() throws ConfigException {
        String minimal = ConfigLoaderDefaultsTest.MINIMAL;
        String explicit = minimal
                + "    prompt: \"Reply with the single word: ok\"\n"
                + "    max_output_tokens: 16\n"
                + "    headers: {}\n"
                + "    expect: {upstream_host: api.cometapi.com}\n"
                + "    gateway_retry_headers: [x-litellm-attempted-retries, x-portkey-retry-attempt-count]\n"
                + "    timeouts: {connect_ms: 5000, request_ms: 30000}\n"
                + "    retry: {max_retries: 1, base_delay_ms: 250, max_delay_ms: 2000, max_retry_after_ms: 5000}\n";
        assertThat(digest(explicit)).isEqualTo(digest(minimal));
    }

    /** Each effective setting changed alone: a digest of its own, unlike the original and unlike every other change. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "label                   | label: cometapi-primary                | label: cometapi-secondary",
        "base_url host           | https://api.cometapi.com/v1            | https://api2.cometapi.com/v1",
        "base_url path           | https://api.cometapi.com/v1            | https://api.cometapi.com/v2",
        "request_family          | request_family: chat                   | request_family: responses",
        "model                   | model: gpt-4o-mini                     | model: gpt-4.1-mini",
        "prompt                  | prompt: \"Say ok\"                     | prompt: \"Say yes\"",
        "max_output_tokens       | max_output_tokens: 8                   | max_output_tokens: 9",
        "credential_env          | credential_env: COMETAPI_CANARY_KEY    | credential_env: OTHER_CANARY_KEY",
        "disabled_credential_env | disabled_credential_env: COMETAPI_DISABLED_KEY | disabled_credential_env: OTHER_DISABLED_KEY",
        "no disabled key         | '    disabled_credential_env: COMETAPI_DISABLED_KEY\n' | ''",
        "header value            | X-Team: payments                       | X-Team: billing",
        "header added            | X-Team: payments}                      | X-Team: payments, X-Extra: one}",
        "header removed          | ', X-Team: payments'                   | ''",
        "expect.upstream_host    | upstream_host: api.cometapi.com        | upstream_host: cometapi.com",
        "upstream_header name    | name: X-Upstream                       | name: X-Served-By",
        "upstream_header value   | value: cometapi                        | value: cometapi-eu",
        "route_label_header      | route_label_header: X-Route-Label      | route_label_header: X-Label",
        "model_prefix            | model_prefix: gpt-4o-mini              | model_prefix: gpt-4o",
        "gateway_retry_headers   | [x-litellm-attempted-retries, x-portkey-retry-attempt-count] | [x-litellm-attempted-retries]",
        "connect_ms              | connect_ms: 4000                       | connect_ms: 4001",
        "request_ms              | request_ms: 20000                      | request_ms: 20001",
        "max_retries             | max_retries: 2                         | max_retries: 3",
        "base_delay_ms           | base_delay_ms: 200                     | base_delay_ms: 201",
        "max_delay_ms            | max_delay_ms: 1500                     | max_delay_ms: 1501",
        "max_retry_after_ms      | max_retry_after_ms: 4000               | max_retry_after_ms: 4001",
        "gateway                 | '    expect:\n'                         | '    gateway: litellm\n    expect:\n'",
        "expect.served_by        | '    expect:\n'                         | '    gateway: litellm\n    expect:\n      served_by: deploy-1\n'",
        "headers_env             | '    expect:\n'                         | '    headers_env: {x-portkey-api-key: PORTKEY_API_KEY}\n    expect:\n'",
        "upstream_header matches | value: cometapi                        | matches: cometapi",
        "stream                  | request_family: chat                   | 'request_family: chat\n    stream: true'",
    })
    void eachEffectiveSettingChangedAloneChangesTheDigest(String setting, String from, String to) throws ConfigException {
        assertThat(ROUTE).contains(from);
        String changed = ROUTE.replace(from, to);
        String digest = digest(changed);
        assertThat(digest).as(setting).isNotEqualTo(digest(ROUTE));
        assertThat(SEEN.put(digest, setting)).as("%s gives the same digest as another change", setting).isNull();
    }

    private static final Map<String, String> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A setting added to Route must be put in the canonical form (or left out here on purpose):
     * otherwise a changed setting would leave the digest as it was, and two different routes
     * would look the same in the evidence.
     */
    /** stream: false is the default, and a route that does not stream keeps the digest it had before streaming. */
    @Test
    void anExplicitStreamFalseGivesTheSameDigestAsNone() throws ConfigException {
        assertThat(digest(ROUTE.replace("request_family: chat", "request_family: chat\n    stream: false")))
                .isEqualTo(digest(ROUTE));
        assertThat(RouteDigest.canonicalForm(only(ROUTE))).doesNotContain("\"stream\"");
    }

    @Test
    void everyRouteSettingIsInTheCanonicalFormOrLeftOutOnPurpose() throws ConfigException {
        Map<String, String> inForm = new HashMap<>(Map.ofEntries(Map.entry("label", "label"),
                Map.entry("baseUrl", "base_url"), Map.entry("family", "request_family"), Map.entry("model", "model"),
                Map.entry("prompt", "prompt"), Map.entry("maxOutputTokens", "max_output_tokens"),
                Map.entry("credentialEnv", "credential_env"), Map.entry("disabledCredentialEnv", "disabled_credential_env"),
                Map.entry("headers", "headers"), Map.entry("expect", "expect"),
                Map.entry("gatewayRetryHeaders", "gateway_retry_headers"), Map.entry("timeouts", "timeouts"),
                Map.entry("retry", "retry")));
        // Added with #9: in the form only when set, so that routes without them keep their digests.
        Map<String, String> inFormWhenSet = Map.of("gateway", "gateway", "headersEnv", "headers_env");
        inForm.put("stream", "stream");
        Set<String> leftOut = Set.of("reviewLink", "line");
        Set<String> components = Arrays.stream(Route.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> accounted = new TreeSet<>(inForm.keySet());
        accounted.addAll(inFormWhenSet.keySet());
        accounted.addAll(leftOut);
        assertThat(components).isEqualTo(accounted);
        String form = RouteDigest.canonicalForm(only(ROUTE + "    stream: true\n"));
        for (String key : inForm.values()) {
            assertThat(form).contains("\"" + key + "\":");
        }
        String set = RouteDigest.canonicalForm(only(ROUTE.replace("    expect:\n",
                "    gateway: portkey\n    headers_env: {x-portkey-api-key: PORTKEY_API_KEY}\n    expect:\n")));
        for (String key : inFormWhenSet.values()) {
            assertThat(form).doesNotContain("\"" + key + "\":");
            assertThat(set).contains("\"" + key + "\":");
        }
    }

    /** Pinned byte for byte: the text a digest is the hash of, sorted keys, env var names and no review link. */
    @Test
    void theCanonicalFormIsExactlyThis() throws ConfigException {
        assertThat(RouteDigest.canonicalForm(only(ConfigLoaderDefaultsTest.MINIMAL))).isEqualTo("{"
                + "\"base_url\":\"https://api.cometapi.com/v1\",\"credential_env\":\"COMETAPI_CANARY_KEY\","
                + "\"disabled_credential_env\":null,"
                + "\"expect\":{\"model_prefix\":null,\"route_label_header\":null,\"upstream_header_name\":null,"
                + "\"upstream_header_value\":null,\"upstream_host\":\"api.cometapi.com\"},"
                + "\"gateway_retry_headers\":[\"x-litellm-attempted-retries\",\"x-portkey-retry-attempt-count\"],"
                + "\"headers\":{},\"label\":\"cometapi-primary\",\"max_output_tokens\":16,\"model\":\"gpt-4o-mini\","
                + "\"prompt\":\"Reply with the single word: ok\",\"request_family\":\"chat\","
                + "\"retry\":{\"base_delay_ms\":250,\"max_delay_ms\":2000,\"max_retries\":1,\"max_retry_after_ms\":5000},"
                + "\"timeouts\":{\"connect_ms\":5000,\"request_ms\":30000}}");
    }
}
