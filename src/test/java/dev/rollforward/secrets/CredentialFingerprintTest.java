package dev.rollforward.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CredentialFingerprintTest {

    /** Each vector computed outside Java: {@code printf %s KEY | sha256sum | cut -c1-12}. */
    @ParameterizedTest
    @CsvSource({
        "sk-test-canary-0000000000000000000000aa, sha256:cccc103ede1a",
        "sk-sandbox-canary-0000000000000000,      sha256:537d009e02fa",
    })
    void isTheFirstTwelveHexDigitsOfTheKeysSha256(String key, String fingerprint) {
        assertThat(CredentialFingerprint.of(key)).isEqualTo(fingerprint);
    }

    @Test
    void noKeyHasNoFingerprint() {
        assertThat(CredentialFingerprint.of(null)).isNull();
    }

    @Test
    void neverHoldsAPieceOfTheKeyTheRedactorWouldHunt() {
        String key = "sk-test-canary-0000000000000000000000aa";
        assertThat(new Redactor(java.util.List.of(key)).containsCredential(CredentialFingerprint.of(key))).isFalse();
        assertThat(Redactor.looksLikeSecret(CredentialFingerprint.of(key))).isFalse();
    }
}
