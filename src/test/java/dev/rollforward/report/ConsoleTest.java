package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.Decision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The console as one terminal shows it: stdout and stderr on one screen, as they are when nothing is piped. */
class ConsoleTest {

    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final PrintStream tty = new PrintStream(screen, true, StandardCharsets.UTF_8);

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRecordNeverLandsOnTheProgressLineAndTheLineComesBackBelowIt() {
        Console console = new Console(tty, tty, false, true);
        console.progress("checking 1 route: primary (happy-path)");
        console.record("{\"record\":\"attempt\"}");
        console.record("{\"record\":\"verdict\"}");
        console.info("a table line");

        assertThat(Terminal.render(shown())).containsExactly(
                "{\"record\":\"attempt\"}", "{\"record\":\"verdict\"}", "a table line",
                "checking 1 route: primary (happy-path)");
        console.progress("");
        assertThat(Terminal.render(shown())).containsExactly(
                "{\"record\":\"attempt\"}", "{\"record\":\"verdict\"}", "a table line");
    }

    @Test
    void offATerminalThereIsNoProgressAndNoColour() {
        Console console = new Console(tty, tty, false, false);
        console.progress("checking 1 route: primary (happy-path)");
        console.info("  verdict primary (chat): ", Decision.STAY, "stay: do not roll forward");

        assertThat(shown()).isEqualTo("  verdict primary (chat): stay: do not roll forward\n");
    }

    @Test
    void controlCharactersAreShownNotObeyedOnStderr() {
        Console console = new Console(tty, tty, false, true);
        console.info("title \u001b]0;pwned\u0007 clear \u001b[2J\r csi \u009b2J del \u007f tab \t nul \u0000\nnext line");
        console.error("bell \u0007");
        console.info("  verdict x (chat): ", Decision.HOLD, "hold \u001b[31m");

        assertThat(shown()).isEqualTo("title \\x1b]0;pwned\\x07 clear \\x1b[2J\\x0d csi \\x9b2J del \\x7f tab \\x09 nul \\x00\n"
                + "next line\n"
                + "rollforward: bell \\x07\n"
                + "  verdict x (chat): \033[1;33mhold \\x1b[31m\033[0m\n");
    }

    @Test
    void aRecordKeepsItsJsonButLosesRawControlCharacters() {
        Console console = new Console(tty, tty, false, false);
        console.record("{\"completion_marker\":\"a\u009bb\u007fc\"}");

        assertThat(shown()).isEqualTo("{\"completion_marker\":\"a\\u009bb\\u007fc\"}\n");
    }
}
