package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the fuzzer's seeds found: configs that loaded but could not be sent (OkHttp refused the
 * URL or a header when the request was built, an internal error, exit 70). They are config
 * errors now (exit 78, nothing sent), and config errors are one line whatever the file holds.
 */
class ConfigLoaderSendableTest {

    private static final String HEAD = ""
            + "routes:\n"
            + "  - label: primary\n"
            + "    request_family: chat\n"
            + "    model: gpt-4o-mini\n"
            + "    credential_env: COMETAPI_CANARY_KEY\n";

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String yaml) {
        return assertThatThrownBy(() -> ConfigLoader.parse("test.yaml", yaml)).isInstanceOf(ConfigException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:0/v1", "http://127.0.0.1:99999/v1", "https://api.cometapi.com:65536/v1"})
    void aPortOutsideOneTo65535IsRefused(String url) {
        refused(HEAD + "    base_url: " + url + "\n")
                .hasMessageStartingWith("test.yaml:")
                .hasMessageContaining("routes[0].base_url: has port")
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void portsAtTheEdgesAreFine() throws ConfigException {
        assertThat(ConfigLoader.parse("test.yaml", HEAD + "    base_url: http://127.0.0.1:65535/v1\n").routes()).hasSize(1);
        assertThat(ConfigLoader.parse("test.yaml", HEAD + "    base_url: http://127.0.0.1:1/v1\n").routes()).hasSize(1);
        assertThat(ConfigLoader.parse("test.yaml", HEAD + "    base_url: http://[::1]:8080/v1\n").routes()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"X Route\"", "\"X-Route:\"", "\"X-Röute\"", "\"\""})
    void aHeaderNameHttpCannotCarryIsRefused(String name) {
        refused(HEAD + "    base_url: https://api.cometapi.com/v1\n    headers: {" + name + ": primary}\n")
                .hasMessageContaining("routes[0].headers: has a header name that is not a valid HTTP header name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"café\"", "\"a\\r\\nX-Injected: 1\"", "\"bell\\a\""})
    void aHeaderValueHttpCannotCarryIsRefusedWithoutEchoingIt(String value) {
        refused(HEAD + "    base_url: https://api.cometapi.com/v1\n    headers: {X-Route-Label: " + value + "}\n")
                .hasMessageContaining("routes[0].headers: X-Route-Label has a value HTTP cannot carry")
                .hasMessageNotContaining("caf")
                .hasMessageNotContaining("Injected")
                .hasMessageNotContaining("\n");
    }

    @Test
    void tabsAndPrintableAsciiInAHeaderValueAreFine() throws ConfigException {
        Route r = ConfigLoader.parse("test.yaml", HEAD + "    base_url: https://api.cometapi.com/v1\n"
                + "    headers: {X-Note: \"a\\tb ~!\"}\n").routes().get(0);
        assertThat(r.headers()).containsEntry("X-Note", "a\tb ~!");
    }

    @Test
    void aKeyWithALineBreakGivesAOneLineError() {
        refused(HEAD + "    base_url: https://api.cometapi.com/v1\n    \"un\\nknown\": 1\n")
                .hasMessageContaining("routes[0].un\\nknown: unknown key")
                .hasMessageNotContaining("\n");
    }
}
