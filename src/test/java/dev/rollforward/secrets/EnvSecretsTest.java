package dev.rollforward.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A config value holds an env var's value when it equals it or carries 8+ characters of it. */
class EnvSecretsTest {

    static final String KEY = "sk-test-canary-0123456789abcdef";
    private final EnvSecrets secrets = EnvSecrets.of(
            Map.of("TEST_CANARY_KEY", " " + KEY + "\n", "SHORT_KEY", "abc", "EMPTY_KEY", "", "OTHER", "sk-test-not-named-0000"),
            List.of("TEST_CANARY_KEY", "SHORT_KEY", "EMPTY_KEY", "UNSET_KEY"));

    @Test
    void aValueEqualToANamedVariableIsHeldByIt() {
        assertThat(secrets.heldBy(KEY)).isEqualTo("TEST_CANARY_KEY");
        assertThat(secrets.heldBy("abc")).isEqualTo("SHORT_KEY");
    }

    @Test
    void aValueCarryingTheKeyOrAPieceOfItIsHeldByIt() {
        assertThat(secrets.heldBy("Bearer " + KEY)).isEqualTo("TEST_CANARY_KEY");
        assertThat(secrets.heldBy("https://gw.example.com/v1/" + KEY.substring(10, 22) + "/chat")).isEqualTo("TEST_CANARY_KEY");
    }

    @Test
    void otherValuesAndVariablesNoRouteNamesAreNotHeld() {
        assertThat(secrets.heldBy("gpt-4o-mini")).isNull();
        assertThat(secrets.heldBy("abcdef")).as("a short value is only matched whole").isNull();
        assertThat(secrets.heldBy("sk-test-not-named-0000")).isNull();
        assertThat(secrets.heldBy("")).isNull();
        assertThat(secrets.heldBy(null)).isNull();
    }
}
