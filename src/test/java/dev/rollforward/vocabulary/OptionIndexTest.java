package dev.rollforward.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Portkey's x-portkey-last-used-option-index, as seen on 1.15.2 (docs/gateways/portkey.md). */
class OptionIndexTest {

    @ParameterizedTest
    @ValueSource(strings = {"config", "config.targets[0]", "config.targets[1]", "config.targets[0].targets[1]",
            " config.targets[12] "})
    void readsThePathsPortkeySends(String path) {
        assertThat(OptionIndex.parse(path)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "targets[1]", "config.targets[]", "config.targets[-1]", "config.targets[1]x",
            "config.targets[99999]", "1"})
    void anythingElseIsNotAPath(String text) {
        assertThat(OptionIndex.parse(text)).isNull();
    }

    /** expected, actual, served by the expected target, fallbacks counted (N − M). */
    @ParameterizedTest(name = "expected {0}, answered {1}: served={2}, fallbacks={3}")
    @CsvSource({
            "config.targets[0], config.targets[0], true, 0",
            "config.targets[0], config.targets[0].targets[1], true, 0",
            "config.targets[0], config, true, 0",
            "config.targets[0].targets[0], config, true, 0",
            "config.targets[1], config, false, 0",
            "config.targets[0], config.targets[1], false, 1",
            "config.targets[0], config.targets[3], false, 3",
            "config.targets[1], config.targets[3], false, 2",
            "config.targets[1], config.targets[0], false, 0",
            "config.targets[0].targets[0], config.targets[0].targets[2], false, 2",
            "config.targets[0].targets[1], config.targets[1], false, 1",
            "config, config.targets[2], true, 0"})
    void servedOrFellBack(String expected, String actual, boolean served, int fallbacks) {
        OptionIndex e = OptionIndex.parse(expected);
        OptionIndex a = OptionIndex.parse(actual);

        assertThat(e.served(a)).isEqualTo(served);
        assertThat(e.fallbacksTo(a)).isEqualTo(fallbacks);
    }
}
