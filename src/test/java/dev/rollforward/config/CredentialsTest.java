package dev.rollforward.config;

import dev.rollforward.secrets.Credentials;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials come from the environment only when a check runs; a missing one is a config error naming it. */
class CredentialsTest {

    static final String CANARY = "sk-test-canary-000000000000000000000";
    static final String DISABLED = "sk-test-disabled-00000000000000000000";

    private static Route route(String extra) throws ConfigException {
        return ConfigLoader.parse("routes.yaml", ""
                + "routes:\n"
                + "  - label: primary\n"
                + "    base_url: https://api.cometapi.com/v1\n"
                + "    request_family: chat\n"
                + "    model: gpt-4o-mini\n"
                + "    credential_env: TEST_CANARY_KEY\n"
                + extra).routes().get(0);
    }

    private static Route withDisabled() throws ConfigException {
        return route("    disabled_credential_env: TEST_DISABLED_KEY\n");
    }

    @Test
    void resolvesBothKeys() throws Exception {
        Credentials c = Credentials.resolve("routes.yaml", withDisabled(),
                Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", DISABLED));

        assertThat(c.canary()).isEqualTo(CANARY);
        assertThat(c.disabled()).isEqualTo(DISABLED);
        assertThat(c.generatedDisabled()).isFalse();
    }

    @Test
    void surroundingWhitespaceFromAnExportIsStripped() throws Exception {
        Credentials c = Credentials.resolve("routes.yaml", withDisabled(),
                Map.of("TEST_CANARY_KEY", " " + CANARY + "\n", "TEST_DISABLED_KEY", DISABLED + " "));

        assertThat(c.canary()).isEqualTo(CANARY);
        assertThat(c.disabled()).isEqualTo(DISABLED);
    }

    @Test
    void missingCanaryEnvVarIsNamed() throws Exception {
        Route r = withDisabled();

        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, Map.of("TEST_DISABLED_KEY", DISABLED)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routes.yaml:2: primary.credential_env: ")
                .hasMessageContaining("TEST_CANARY_KEY")
                .hasMessageContaining("not set")
                .message().doesNotContain(DISABLED);
    }

    @Test
    void emptyOrBlankCanaryEnvVarIsRefused() throws Exception {
        Route r = withDisabled();
        for (String empty : new String[] {"", "   ", "\n"}) {
            Map<String, String> env = Map.of("TEST_CANARY_KEY", empty, "TEST_DISABLED_KEY", DISABLED);
            assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, env))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("TEST_CANARY_KEY");
        }
    }

    @Test
    void missingDisabledEnvVarIsNamed() throws Exception {
        Route r = withDisabled();

        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, Map.of("TEST_CANARY_KEY", CANARY)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routes.yaml:2: primary.disabled_credential_env: ")
                .hasMessageContaining("TEST_DISABLED_KEY")
                .message().doesNotContain(CANARY);
    }

    @Test
    void emptyDisabledEnvVarIsRefused() throws Exception {
        Route r = withDisabled();

        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", "")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TEST_DISABLED_KEY");
    }

    @Test
    void aDisabledKeyEqualToTheCanaryIsRefusedWithoutEchoingIt() throws Exception {
        Route r = withDisabled();
        Map<String, String> env = Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", " " + CANARY);

        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, env))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("same key")
                .hasMessageContaining("TEST_CANARY_KEY")
                .message().doesNotContain(CANARY).doesNotContain("sk-test");
    }

    @Test
    void withoutDisabledCredentialEnvAnInvalidKeyIsGenerated() throws Exception {
        Route r = route("");
        Map<String, String> env = new HashMap<>(Map.of("TEST_CANARY_KEY", CANARY));

        Credentials a = Credentials.resolve("routes.yaml", r, env);
        Credentials b = Credentials.resolve("routes.yaml", r, env);

        assertThat(a.generatedDisabled()).isTrue();
        assertThat(a.canary()).isEqualTo(CANARY);
        assertThat(a.disabled()).startsWith("sk-").hasSizeGreaterThan(30).isNotEqualTo(CANARY);
        assertThat(a.disabled().chars()).allMatch(ch -> ch > 0x20 && ch < 0x7f);
        assertThat(a.disabled()).as("a fresh key per run").isNotEqualTo(b.disabled());
    }

    @Test
    void aKeyThatCannotGoInAHeaderIsRefusedWithoutEchoingIt() throws Exception {
        Route r = withDisabled();
        for (String bad : new String[] {"sk-test canary-0000000000", "sk-test-canary-00000\n00000", "sk-test-cänary-000000000"}) {
            Map<String, String> env = Map.of("TEST_CANARY_KEY", bad, "TEST_DISABLED_KEY", DISABLED);
            assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, env))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("routes.yaml:2: primary.")
                    .message().doesNotContain("sk-test").doesNotContain(DISABLED);
        }
    }

    @Test
    void aLineBreakInTheDisabledKeyIsBlamedOnItsOwnVariable() throws Exception {
        Route r = withDisabled();
        Map<String, String> env = Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", "sk-test-disabled-0000\n0000");

        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, env))
                .isInstanceOf(ConfigException.class)
                .hasMessage("routes.yaml:2: primary.disabled_credential_env: environment variable TEST_DISABLED_KEY holds "
                        + "a line break, which cannot go in an HTTP header; check how it was exported");
    }

    @Test
    void eachCharacterHttpCannotCarryIsNamedInWordsAgainstTheCanarysVariable() throws Exception {
        Route r = withDisabled();
        Map<String, String> words = Map.of("sk-test-canary-00\r00", "a line break", "sk-test canary-0000", "a space or tab",
                "sk-test-canary-00\u000700", "a control character", "sk-test-cänary-0000", "a non-ASCII character");
        for (Map.Entry<String, String> w : words.entrySet()) {
            Map<String, String> env = Map.of("TEST_CANARY_KEY", w.getKey(), "TEST_DISABLED_KEY", DISABLED);
            assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, env))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("routes.yaml:2: primary.credential_env: environment variable TEST_CANARY_KEY holds "
                            + w.getValue() + ",");
        }
    }

    @Test
    void anEmptyVariableIsSaidToBeSetButEmpty() throws Exception {
        Route r = withDisabled();

        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, Map.of("TEST_CANARY_KEY", "", "TEST_DISABLED_KEY", DISABLED)))
                .hasMessageContaining("environment variable TEST_CANARY_KEY is set but empty;");
        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", "")))
                .hasMessageStartingWith("routes.yaml:2: primary.disabled_credential_env: environment variable TEST_DISABLED_KEY "
                        + "is set but empty;");
        assertThatThrownBy(() -> Credentials.resolve("routes.yaml", r, Map.of("TEST_DISABLED_KEY", DISABLED)))
                .hasMessageContaining("environment variable TEST_CANARY_KEY is not set;");
    }

    @Test
    void toStringNeverShowsTheKeys() throws Exception {
        Credentials c = Credentials.resolve("routes.yaml", withDisabled(),
                Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", DISABLED));

        assertThat(c.toString()).doesNotContain(CANARY).doesNotContain(DISABLED).contains("redacted");
    }
}
