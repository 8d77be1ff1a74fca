package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CONTRACT §2: every config error names the file, the line where there is one, and the key. */
class ConfigLoaderErrorsTest {

    /** Seven lines; the route mapping starts on line 3. Tests add lines from 8 on. */
    static final String HEAD = ""
            + "review_link: https://tickets.example.com/ROUTE-123\n"   // 1
            + "routes:\n"                                              // 2
            + "  - label: cometapi-primary\n"                          // 3
            + "    base_url: https://api.cometapi.com/v1\n"            // 4
            + "    request_family: chat\n"                             // 5
            + "    model: gpt-4o-mini\n"                               // 6
            + "    credential_env: COMETAPI_CANARY_KEY\n";             // 7

    @TempDir
    Path dir;

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String yaml) {
        return assertThatThrownBy(() -> ConfigLoader.parse("test.yaml", yaml)).isInstanceOf(ConfigException.class);
    }

    @Test
    void theBaseConfigIsValid() throws Exception {
        assertThat(ConfigLoader.parse("test.yaml", HEAD).routes()).hasSize(1);
    }

    // ---- unknown keys, wrong types, missing keys, bad values: one table ----

    /**
     * Refusals that differ only in the text: what is wrong, the config, how the message starts
     * (file, line, key, problem), and any words it must also hold (the keys allowed there).
     */
    private static Arguments refusal(String what, String yaml, String start, String... alsoSays) {
        return arguments(what, yaml, start, alsoSays);
    }

    static Stream<Arguments> unknownKeys() {
        return Stream.of(
                refusal("at the top level", HEAD + "colour: blue\n",
                        "test.yaml:8: colour: unknown key", "review_link, routes"),
                refusal("in a route", HEAD + "    max_tokens: 16\n",
                        "test.yaml:8: routes[0].max_tokens: unknown key", "max_output_tokens"),
                refusal("in expect", HEAD + "    expect:\n      upstream_hots: api.cometapi.com\n",
                        "test.yaml:9: routes[0].expect.upstream_hots: unknown key", "upstream_host"),
                refusal("in upstream_header", HEAD + "    expect:\n      upstream_header: {name: X-Upstream, valeu: cometapi}\n",
                        "test.yaml:9: routes[0].expect.upstream_header.valeu: unknown key", "value"),
                refusal("in retry", HEAD + "    retry: {max_retries: 1, jitter: full}\n",
                        "test.yaml:8: routes[0].retry.jitter: unknown key", "max_retry_after_ms"),
                refusal("in timeouts", HEAD + "    timeouts:\n      connect_ms: 1000\n      read_ms: 5000\n",
                        "test.yaml:10: routes[0].timeouts.read_ms: unknown key", "connect_ms, request_ms"));
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                refusal("a number where a string belongs", HEAD.replace("model: gpt-4o-mini", "model: 4"),
                        "test.yaml:6: routes[0].model: must be a string, but is a number"),
                refusal("a string where a number belongs", HEAD + "    max_output_tokens: sixteen\n",
                        "test.yaml:8: routes[0].max_output_tokens: must be a whole number, but is a string"),
                refusal("a fraction where a whole number belongs", HEAD + "    retry: {max_retries: 1.5}\n",
                        "test.yaml:8: routes[0].retry.max_retries: must be a whole number, but is a number"),
                refusal("a quoted number is a string", HEAD + "    timeouts: {request_ms: \"3000\"}\n",
                        "test.yaml:8: routes[0].timeouts.request_ms: must be a whole number, but is a string"),
                refusal("a list where a mapping belongs", HEAD + "    headers: [X-Route-Label]\n",
                        "test.yaml:8: routes[0].headers: must be a mapping of keys to values, but is a list"),
                refusal("a mapping where a list belongs", "routes:\n  label: x\n",
                        "test.yaml:1: routes: must be a list, but is a mapping"),
                refusal("a string where a list belongs", HEAD + "    gateway_retry_headers: x-litellm-attempted-retries\n",
                        "test.yaml:8: routes[0].gateway_retry_headers: must be a list of strings, but is a string"),
                refusal("a number inside a list of strings",
                        HEAD + "    gateway_retry_headers:\n      - x-litellm-attempted-retries\n      - 42\n",
                        "test.yaml:10: routes[0].gateway_retry_headers: must be a list of strings, but has a number"),
                refusal("a route that is not a mapping", "routes:\n  - cometapi-primary\n",
                        "test.yaml:2: routes[0]: must be a mapping of keys to values, but is a string"),
                refusal("a top level that is not a mapping", "- label: x\n",
                        "test.yaml:1: (top level): must be a mapping of keys to values, but is a list"),
                refusal("a boolean where a string belongs", HEAD + "    prompt: true\n",
                        "test.yaml:8: routes[0].prompt: must be a string, but is a boolean"));
    }

    static Stream<Arguments> missingKeys() {
        return Stream.of(
                refusal("no routes", "review_link: https://tickets.example.com/ROUTE-123\n",
                        "test.yaml:1: routes: missing required key"),
                refusal("empty routes", "routes: []\n", "test.yaml:1: routes: is empty"),
                refusal("an empty required string, named at its route", HEAD.replace("model: gpt-4o-mini", "model: \"\""),
                        "test.yaml:3: routes[0].model: missing required key"),
                refusal("an upstream header without a value", HEAD + "    expect:\n      upstream_header: {name: X-Upstream}\n",
                        "test.yaml:9: routes[0].expect.upstream_header.value: missing required key"));
    }

    static Stream<Arguments> badValues() {
        String secondRoute = ""
                + "  - label: cometapi-primary\n"                  // 8
                + "    base_url: https://api.cometapi.com/v1\n"
                + "    request_family: responses\n"
                + "    model: gpt-4o-mini\n"
                + "    credential_env: COMETAPI_CANARY_KEY\n";
        return Stream.of(
                refusal("a duplicate label", HEAD + secondRoute,
                        "test.yaml:8: routes[1].label: 'cometapi-primary' is used by another route"),
                refusal("a duplicate key", HEAD + "    model: gpt-4o\n", "test.yaml:8: model: appears twice"),
                refusal("a base_url that is not a URL",
                        HEAD.replace("https://api.cometapi.com/v1", "\"https://api.comet api.com/v1\""),
                        "test.yaml:4: routes[0].base_url: is not a valid URL"),
                refusal("four retries, because of overload", HEAD + "    retry: {max_retries: 4}\n",
                        "test.yaml:8: routes[0].retry.max_retries: is at most 3", "overload"),
                refusal("a negative retry count", HEAD + "    retry: {max_retries: -1}\n",
                        "test.yaml:8: routes[0].retry.max_retries: must be between 0"),
                refusal("a retry count too big for a long", HEAD + "    retry: {max_retries: 100000000000000000000}\n",
                        "test.yaml:8: routes[0].retry.max_retries: must be between 0"),
                refusal("the disabled key in the canary's variable", HEAD + "    disabled_credential_env: COMETAPI_CANARY_KEY\n",
                        "test.yaml:8: routes[0].disabled_credential_env: names the same variable"),
                refusal("a review link that is not a link", HEAD.replace("https://tickets.example.com/ROUTE-123", "ROUTE-123"),
                        "test.yaml:1: review_link: must be an http(s) link"),
                refusal("YAML that does not parse", HEAD.replace("request_family: chat", "request_family: chat: responses"),
                        "test.yaml:5: not valid YAML"),
                refusal("an unclosed flow mapping, where the parser gives up",
                        HEAD + "    headers: {X-Route-Label: x\n    model: y\n", "test.yaml:9: not valid YAML"),
                refusal("nesting deeper than 32", HEAD + "    headers: " + "{a: ".repeat(50) + "x" + "}".repeat(50) + "\n",
                        "test.yaml:8: nested too deeply"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"unknownKeys", "wrongTypes", "missingKeys", "badValues"})
    void refusedNamingTheLineAndTheKey(String what, String yaml, String start, String[] alsoSays) {
        AbstractThrowableAssert<?, ? extends Throwable> refusal = refused(yaml).hasMessageStartingWith(start);
        for (String words : alsoSays) {
            refusal.hasMessageContaining(words);
        }
    }

    // ---- more values of one kind ----

    @ParameterizedTest
    @ValueSource(strings = {"label", "base_url", "request_family", "model", "credential_env"})
    void missingRequiredRouteKey(String key) {
        String yaml = HEAD.lines()
                .filter(l -> !l.strip().startsWith(key + ":") && !l.strip().startsWith("- " + key + ":"))
                .map(l -> l.startsWith("    ") && key.equals("label") && l.contains("base_url") ? "  - " + l.strip() : l)
                .reduce("", (a, b) -> a + b + "\n");

        refused(yaml)
                .hasMessageStartingWith("test.yaml:3: routes[0]." + key + ": missing required key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod primary", "prod/primary", "prod:1", "über"})
    void badLabel(String label) {
        refused(HEAD.replace("label: cometapi-primary", "label: \"" + label + "\""))
                .hasMessageStartingWith("test.yaml:3: routes[0].label: may only use letters, digits");
    }

    @Test
    void duplicateKeyInJson() {
        assertThatThrownBy(() -> ConfigLoader.parse("routes.json", "{\"routes\": [],\n \"routes\": []}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routes.json:2: routes: appears twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.cometapi.com/v1", "api.cometapi.com/v1", "file:///etc/passwd", "https:///v1", "mailto:ops@example.com"})
    void baseUrlNotHttp(String url) {
        refused(HEAD.replace("https://api.cometapi.com/v1", url))
                .hasMessageStartingWith("test.yaml:4: routes[0].base_url: ")
                .hasMessageContaining("http(s)");
    }

    @Test
    void baseUrlWithUserInfo() {
        refused(HEAD.replace("https://api.cometapi.com/v1", "https://ops:hunter22@api.cometapi.com/v1"))
                .hasMessageStartingWith("test.yaml:4: routes[0].base_url: must not carry a user or password")
                .message().doesNotContain("hunter22").doesNotContain("ops:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.cometapi.com/v1?key=abc123", "https://api.cometapi.com/v1?", "https://api.cometapi.com/v1#frag"})
    void baseUrlWithQueryOrFragment(String url) {
        refused(HEAD.replace("https://api.cometapi.com/v1", url))
                .hasMessageStartingWith("test.yaml:4: routes[0].base_url: must not have a query string")
                .message().doesNotContain("abc123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"completions", "Chat", "embeddings", "responses "})
    void invalidRequestFamily(String family) {
        refused(HEAD.replace("request_family: chat", "request_family: \"" + family + "\""))
                .hasMessageStartingWith("test.yaml:5: routes[0].request_family: must be 'chat' or 'responses'");
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 0, -1, 100000})
    void maxOutputTokensOutsideTheCostGuard(int tokens) {
        refused(HEAD + "    max_output_tokens: " + tokens + "\n")
                .hasMessageStartingWith("test.yaml:8: routes[0].max_output_tokens: must be between 1 and 256, not " + tokens);
    }

    @ParameterizedTest
    @ValueSource(strings = {"connect_ms", "request_ms"})
    void zeroTimeoutsAreRefused(String key) {
        refused(HEAD + "    timeouts: {" + key + ": 0}\n")
                .hasMessageStartingWith("test.yaml:8: routes[0].timeouts." + key + ": must be between 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"my-key", "1KEY", "COMET KEY", "$COMETAPI_KEY"})
    void credentialEnvMustBeAnEnvVarName(String name) {
        refused(HEAD.replace("credential_env: COMETAPI_CANARY_KEY", "credential_env: \"" + name + "\""))
                .hasMessageStartingWith("test.yaml:7: routes[0].credential_env: must be the name of an environment variable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "authorization", "X-Api-Key", "api-key", "Cookie"})
    void credentialHeadersAreRefused(String header) {
        refused(HEAD + "    headers: {" + header + ": from-config}\n")
                .hasMessageStartingWith("test.yaml:8: routes[0].headers: must not set " + header);
    }

    // ---- secrets ----

    static final String FAKE_KEY = "sk-test-canary-000000000000000000000";
    static final String FAKE_BEARER = "Bearer abcdefghijklmnop0123456789";

    @ParameterizedTest
    @ValueSource(strings = {
            "    prompt: " + FAKE_KEY + "\n",
            "    prompt: \"" + FAKE_BEARER + "\"\n",
            "    headers: {X-Upstream-Auth: \"" + FAKE_BEARER + "\"}\n",
            "    headers: {X-Route-Label: " + FAKE_KEY + "}\n",
            "    expect: {upstream_header: {name: X-Upstream, value: " + FAKE_KEY + "}}\n",
            "    expect: {model_prefix: " + FAKE_KEY + "}\n",
            "    gateway_retry_headers: [x-litellm-attempted-retries, " + FAKE_KEY + "]\n",
            "    review_link: https://tickets.example.com/ROUTE-1?token=" + FAKE_KEY + "\n",
            "    disabled_credential_env: " + FAKE_KEY + "\n"})
    void aValueThatLooksLikeAKeyIsRefusedWithoutEchoingIt(String line) {
        refused(HEAD + line)
                .hasMessageContaining("test.yaml:")
                .hasMessageContaining("routes[0]")
                .hasMessageContaining("looks like a credential")
                .message().doesNotContain("sk-test").doesNotContain("abcdefghijklmnop").doesNotContain("000000000000");
    }

    static Stream<Arguments> keysInRequiredFields() {
        return Stream.of(
                arguments(HEAD.replace("model: gpt-4o-mini", "model: " + FAKE_KEY),
                        "test.yaml:6: routes[0].model: looks like a credential"),
                arguments(HEAD.replace("credential_env: COMETAPI_CANARY_KEY", "credential_env: " + FAKE_KEY),
                        "test.yaml:7: routes[0].credential_env: looks like a credential"),
                arguments(HEAD.replace("https://api.cometapi.com/v1", "https://api.cometapi.com/" + FAKE_KEY + "/v1"),
                        "test.yaml:4: routes[0].base_url: looks like a credential"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("keysInRequiredFields")
    void aKeyInARequiredFieldIsRefusedWithItsLine(String yaml, String start) {
        refused(yaml).hasMessageStartingWith(start).message().doesNotContain(FAKE_KEY);
    }

    @Test
    void aKeyAsAMappingKeyIsRefusedWithoutEchoingIt() {
        refused(HEAD + "    headers:\n      " + FAKE_KEY + ": x\n")
                .hasMessageContaining("test.yaml:9:")
                .hasMessageContaining("looks like a credential")
                .message().doesNotContain(FAKE_KEY);
    }

    @Test
    void aKeyAtTheTopLevelIsRefused() {
        refused("review_link: \"" + FAKE_BEARER + "\"\nroutes: []\n")
                .hasMessageStartingWith("test.yaml:1: review_link: looks like a credential")
                .message().doesNotContain("abcdefghijklmnop");
    }

    @Test
    void aKeyInAJsonConfigIsRefusedToo() {
        String json = "{\"routes\": [{\"label\": \"x\", \"base_url\": \"https://api.cometapi.com/v1\",\n"
                + "\"request_family\": \"chat\", \"model\": \"gpt-4o-mini\", \"credential_env\": \"K\",\n"
                + "\"headers\": {\"X-Key\": \"" + FAKE_KEY + "\"}}]}";

        assertThatThrownBy(() -> ConfigLoader.parse("routes.json", json))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routes.json:3: routes[0].headers.X-Key: looks like a credential")
                .message().doesNotContain(FAKE_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"task-runner-primary", "risk-engine", "desk-01", "Bearer", "Bearer abc"})
    void wordsThatMerelyContainSkOrBearerAreNotKeys(String value) throws Exception {
        Route r = ConfigLoader.parse("test.yaml", HEAD + "    headers: {X-Note: \"" + value + "\"}\n").routes().get(0);

        assertThat(r.headers()).containsEntry("X-Note", value);
    }

    // ---- syntax and files ----

    @Test
    void jsonSyntaxErrorHasItsLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("routes.json", "{\n  \"routes\": [\n    {\"label\": }\n  ]\n}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routes.json:3: not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "# just a comment\n"})
    void emptyFile(String text) {
        refused(text).hasMessage("test.yaml: the file is empty; it needs a 'routes:' list");
    }

    @ParameterizedTest
    @ValueSource(strings = {"---\n", "~\n", "null\n", "just text\n"})
    void aDocumentWithoutAMappingIsRefused(String text) {
        refused(text).hasMessageContaining("(top level): must be a mapping");
    }

    @Test
    void missingFile() {
        Path nope = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ConfigLoader.load(nope))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(nope + ": no such file");
    }

    @Test
    void aDirectoryIsNotAConfig() {
        assertThatThrownBy(() -> ConfigLoader.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir + ": is a directory; pass the route config file itself, e.g. --config config/cometapi.yaml");
    }

    @Test
    void loadNamesTheRealFileInItsErrors() throws Exception {
        Path p = dir.resolve("routes.yaml");
        Files.writeString(p, HEAD + "    colour: blue\n");

        assertThatThrownBy(() -> ConfigLoader.load(p))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(p + ":8: routes[0].colour: unknown key");
    }

}
