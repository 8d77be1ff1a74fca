package dev.rollforward.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence an upstream sent (a served-by header, a model), made safe to show: the one rule. */
class RedactorEvidenceTest {

    private static final String CANARY = "sk-test-canary-0000000000000000000000aa";
    private final Redactor redactor = new Redactor(List.of(CANARY));

    @Test
    void plainEvidenceIsShownAsIs() {
        assertThat(redactor.evidence("config.targets[1]")).isEqualTo("config.targets[1]");
        assertThat(redactor.evidence(null)).isNull();
    }

    @Test
    void controlCharactersC0DelAndC1AreRemoved() {
        assertThat(redactor.evidence("\u001b[31mconfig.targets[1]\u0007\r\n\u007f\u0085\u009b")).isEqualTo("[31mconfig.targets[1]");
        assertThat(redactor.evidence("a\tb\u0000c")).isEqualTo("abc");
    }

    @Test
    void theRunsKeysAndKeyLookingTokensAreRedactedEvenWhenSplitByControlCharacters() {
        String split = CANARY.substring(0, 12) + "\u0000" + CANARY.substring(12);
        assertThat(redactor.evidence("deploy " + split)).isEqualTo("deploy [REDACTED]");
        assertThat(redactor.evidence("Bearer sk-live-abcdefghijklmnop")).isEqualTo("[REDACTED]");
    }

    @Test
    void atMost200Characters() {
        String long300 = "m".repeat(300);
        assertThat(redactor.evidence(long300)).hasSize(Redactor.EVIDENCE_MAX_CHARS).isEqualTo("m".repeat(200));
        String cut = redactor.evidence("\uD83D\uDE00".repeat(250));
        assertThat(cut.codePointCount(0, cut.length())).as("characters, not halves of one").isEqualTo(200);
        assertThat(cut).isEqualTo("\uD83D\uDE00".repeat(200));
    }
}
