package dev.rollforward.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header names that say their value is a secret, whatever the value looks like. */
class CredentialHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "x-api-key", "x-portkey-api-key", "X-Goog-Api-Key", "X-Auth-Token",
            "X-Gateway-Token", "Ocp-Apim-Subscription-Key", "X-Client-Secret", "X-Upstream-Password", "x_access_key",
            "X-Apikey", "X-Auth"})
    void namesThatCarryASecret(String name) {
        assertThat(CredentialHeaders.namesASecret(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Route-Label", "X-Upstream", "X-Cache-Key", "X-Idempotency-Key", "x-max-tokens",
            "X-Title", "HTTP-Referer", "x-portkey-trace-id", "x-litellm-tags", "X-Request-Id", "Author"})
    void namesThatDoNot(String name) {
        assertThat(CredentialHeaders.namesASecret(name)).isFalse();
    }
}
