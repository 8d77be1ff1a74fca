package dev.rollforward.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RouteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CONTRACT §2: a key never lives in a config, whatever it looks like. Refusals name the file,
 * line and key, never the value.
 */
class ConfigLoaderSecretsTest {

    static final String HEAD = ConfigLoaderErrorsTest.HEAD;
    /** Shaped like a generated key with no known prefix; obviously not a real one. */
    static final String BARE_KEY = "fAkE0tEsT1kEy2NoT3rEaL4xYz";
    static final String CANARY = "sk-test-canary-0123456789abcdef";

    private static ConfigException refused(String yaml, Map<String, String> env) {
        try {
            ConfigLoader.parse("test.yaml", yaml, env);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    // ---- keys without the sk- look ----

    @Test
    void aBareKeyInAHeaderValueIsRefused() {
        ConfigException e = refused(HEAD + "    headers: {X-Upstream-Route: " + BARE_KEY + "}\n", Map.of());

        assertThat(e.getMessage()).startsWith("test.yaml:8: routes[0].headers.X-Upstream-Route: looks like a credential")
                .doesNotContain(BARE_KEY).doesNotContain("fAkE0");
    }

    @Test
    void aBareKeyInTheUrlPathIsRefused() {
        ConfigException e = refused(HEAD.replace("https://api.cometapi.com/v1", "https://gw.example.com/" + BARE_KEY + "/v1"),
                Map.of());

        assertThat(e.getMessage()).startsWith("test.yaml:4: routes[0].base_url: looks like a credential").doesNotContain(BARE_KEY);
    }

    @Test
    void aBareKeyPastedAsTheEnvVarNameIsRefusedWithoutEchoingIt() {
        ConfigException e = refused(HEAD.replace("credential_env: COMETAPI_CANARY_KEY", "credential_env: " + BARE_KEY), Map.of());

        assertThat(e.getMessage()).startsWith("test.yaml:7: routes[0].credential_env: looks like a credential")
                .doesNotContain(BARE_KEY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-portkey-api-key", "X-Auth-Token", "Ocp-Apim-Subscription-Key", "X-Client-Secret"})
    void aHeaderWhoseNameSaysSecretIsRefusedWhateverItsValue(String name) {
        ConfigException e = refused(HEAD + "    headers: {" + name + ": hunter2}\n", Map.of());

        assertThat(e.getMessage()).startsWith("test.yaml:8: routes[0].headers: must not set " + name)
                .contains("its name says it carries a secret").doesNotContain("hunter2");
    }

    @Test
    void aGoogleDocsReviewLinkIsNotAKey() throws Exception {
        String link = "https://docs.google.com/document/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/edit";
        RouteFile f = ConfigLoader.parse("test.yaml", HEAD.replace("https://tickets.example.com/ROUTE-123", link));

        assertThat(f.routes().get(0).reviewLink()).isEqualTo(link);
    }

    @Test
    void ordinaryValuesStillLoad() throws Exception {
        String yaml = HEAD.replace("https://api.cometapi.com/v1",
                        "https://gateway.ai.cloudflare.com/v1/023e105f4ecef8ad9ca31a8372d0c353/my-gateway/openai")
                .replace("model: gpt-4o-mini", "model: meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo")
                + "    headers: {X-Client-Trace: 123e4567-e89b-12d3-a456-426614174000, X-Route-Label: cometapi-primary}\n";

        assertThat(ConfigLoader.parse("test.yaml", yaml).routes()).hasSize(1);
    }

    // ---- a value of an env var the route names ----

    @ParameterizedTest
    @ValueSource(strings = {
            "    headers: {X-Upstream-Route: %s}\n",
            "    headers: {X-Note: \"route %s\"}\n",
            "    expect: {upstream_header: {name: X-Upstream, value: %s}}\n",
            "    prompt: \"%s\"\n"})
    void aValueHoldingTheCanaryKeyIsRefusedNamingTheVariable(String line) {
        String key = "tEsT-cAnArY-0123456789";   // no telling shape: only the environment shows it is a key
        ConfigException e = refused(HEAD + String.format(line, key), Map.of("COMETAPI_CANARY_KEY", key));

        assertThat(e.getMessage()).startsWith("test.yaml:8: routes[0].")
                .contains("holds the value of env var COMETAPI_CANARY_KEY")
                .doesNotContain(key).doesNotContain("0123456789");
    }

    @Test
    void theDisabledKeyIsCheckedToo() {
        String yaml = HEAD + "    disabled_credential_env: COMETAPI_DISABLED_KEY\n    headers: {X-Upstream-Route: off-key-00000001}\n";

        assertThat(refused(yaml, Map.of("COMETAPI_DISABLED_KEY", "off-key-00000001")).getMessage())
                .startsWith("test.yaml:9: routes[0].headers.X-Upstream-Route: holds the value of env var COMETAPI_DISABLED_KEY");
    }

    @Test
    void aTopLevelValueIsCheckedAgainstEveryRoutesVariables() {
        String yaml = HEAD.replace("https://tickets.example.com/ROUTE-123", "https://tickets.example.com/off-key-00000001");

        assertThat(refused(yaml, Map.of("COMETAPI_CANARY_KEY", "off-key-00000001")).getMessage())
                .startsWith("test.yaml:1: review_link: holds the value of env var COMETAPI_CANARY_KEY");
    }

    @Test
    void variablesNoRouteNamesAndUnsetOnesChangeNothing() throws Exception {
        String yaml = HEAD + "    headers: {X-Route-Label: cometapi-primary}\n";

        assertThat(ConfigLoader.parse("test.yaml", yaml, Map.of("HOME", "cometapi-primary", "COMETAPI_CANARY_KEY", CANARY))
                .routes()).hasSize(1);
        assertThat(ConfigLoader.parse("test.yaml", yaml, Map.of()).routes()).hasSize(1);
    }

    @Test
    void loadWithTheEnvironmentRefusesToo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path p = dir.resolve("routes.yaml");
        Files.writeString(p, HEAD + "    headers: {X-Upstream-Route: " + CANARY.substring(8) + "}\n");

        assertThatThrownBy(() -> ConfigLoader.load(p, Map.of("COMETAPI_CANARY_KEY", CANARY)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(p + ":8: routes[0].headers.X-Upstream-Route: holds the value of env var COMETAPI_CANARY_KEY")
                .message().doesNotContain("canary-0123");
        assertThat(ConfigLoader.load(p).routes()).as("without the environment there is nothing to compare").hasSize(1);
    }

    // ---- what ships must still load ----

    @Test
    void everyShippedConfigAndExampleStillValidates() throws IOException, ConfigException {
        List<Path> configs;
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            configs = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).toList();
        }
        assertThat(configs).isNotEmpty();
        for (Path c : configs) {
            assertThat(ConfigLoader.load(c).routes()).as(c.toString()).isNotEmpty();
        }
        assertThat(ConfigLoader.parse("contract.yaml", ConfigLoaderDefaultsTest.FULL).routes()).hasSize(1);
    }
}
