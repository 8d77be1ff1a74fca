package dev.rollforward.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When an env var counts as set, and the words for why it does not. */
class EnvVarsTest {

    @Test
    void aMissingVariableIsNotSet() {
        assertThat(EnvVars.problem(Map.of(), "TEST_CANARY_KEY")).isEqualTo("is not set");
        assertThat(EnvVars.isSet(Map.of(), "TEST_CANARY_KEY")).isFalse();
    }

    @Test
    void anEmptyVariableIsSetButEmpty() {
        assertThat(EnvVars.problem(Map.of("K", ""), "K")).isEqualTo("is set but empty");
        assertThat(EnvVars.problem(Map.of("K", "  \n"), "K")).isEqualTo("is set but holds only whitespace");
        assertThat(EnvVars.isSet(Map.of("K", ""), "K")).isFalse();
        assertThat(EnvVars.value(Map.of("K", " "), "K")).isNull();
    }

    @Test
    void aVariableWithAValueIsSet() {
        assertThat(EnvVars.problem(Map.of("K", "sk-test-1"), "K")).isNull();
        assertThat(EnvVars.value(Map.of("K", "sk-test-1"), "K")).isEqualTo("sk-test-1");
    }
}
