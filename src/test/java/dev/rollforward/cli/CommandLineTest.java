package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.run.Invocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a person meets it: options that contradict, --version and --help everywhere, hints to paste. */
class CommandLineTest {

    private static final String REVIEW_LINK = "https://tickets.example.com/ROUTE-1";
    private static final List<String> COMMANDS = List.of("check", "validate", "plan", "completion", "sandbox", "demo");

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    @Test
    void allTogetherWithRouteIsAUsageErrorAndNothingIsSent() {
        Path config = cli.write(RouteConfig.at(server).routes(2));
        server.setDispatcher(Upstream.healthy());

        assertThat(cli.run("check", "--config", config.toString(), "--all", "--route", "r1")).isEqualTo(64);
        assertThat(cli.stderr.lines()).containsExactly(
                "rollforward: --route=LABEL, --all are mutually exclusive (specify only one)",
                "Try 'bin/rollforward check --help' for the options.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void severalRoutesStillRepeat() {
        Path config = cli.write(RouteConfig.at(server).routes(3));
        server.setDispatcher(Upstream.healthy());

        assertThat(cli.run("check", "--config", config.toString(), "--route", "r2", "--route", "r0")).isZero();
        assertThat(cli.records()).extracting(r -> r.get("route_label").asText())
                .containsExactly("r0", "r0", "r0", "r2", "r2", "r2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void everyCommandPrintsTheVersion(String option) {
        for (String command : COMMANDS) {
            assertThat(cli.run(command, option)).as(command).isZero();
            assertThat(cli.stdout).as(command + " " + option).matches("rollforward \\S+\n");
        }
    }

    @Test
    void anEmptyReviewLinkMeansNotGivenAndTheConfigsLinkStays() {
        Path config = cli.write(RouteConfig.at(server).reviewLink(REVIEW_LINK));
        server.setDispatcher(Upstream.healthy());

        assertThat(cli.run("check", "--config", config.toString(), "--review-link", "")).isZero();
        assertThat(cli.records()).allSatisfy(r -> assertThat(r.get("review_link").asText()).isEqualTo(REVIEW_LINK));
        assertThat(cli.run("check", "--config", config.toString(), "--review-link", " ")).isZero();
        assertThat(cli.record(0).get("review_link").asText()).isEqualTo(REVIEW_LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--evidence-log", "--junit", "--markdown"})
    void anEmptyOutputFileIsAUsageErrorNotTheCurrentFolder(String option) {
        Path config = cli.write(RouteConfig.at(server));

        assertThat(cli.run("check", "--config", config.toString(), option, "")).isEqualTo(64);
        assertThat(cli.stderr).startsWith("rollforward: Invalid value for option '" + option
                + "': needs a file name, not an empty value\n");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void eachCommandsHelpListsOnlyTheExitCodesItCanEndWith() {
        assertThat(help()).contains("\n    1   fail: some verdict is stay\n").contains("\n   78   config error");
        assertThat(help("check")).contains("\n    2   hold: some verdict is hold").contains("\n   78   config error");
        assertThat(help("demo")).contains("\n    1   fail: some verdict is stay").doesNotContain("   78 ");
        assertThat(help("validate")).contains("\n    0   the config is valid").contains("\n   78   config error")
                .doesNotContain("verdict");
        assertThat(help("plan")).contains("\n    0   the plan was printed; nothing was sent").doesNotContain("verdict");
        assertThat(help("sandbox")).contains("\n    0   stopped (Ctrl-C)\n").doesNotContain("verdict").doesNotContain("   78 ");
        assertThat(help("completion")).contains("\n    0   the script was printed\n").doesNotContain("verdict");
    }

    /** A paragraph line ends early only when the next word would not fit (79 columns of 80): never mid-sentence. */
    @Test
    void helpTextWrapsAtWordBoundaries() {
        List<String> commands = new ArrayList<>(COMMANDS);
        commands.add(0, null);
        for (String command : commands) {
            List<String> lines = help(command).lines().toList();
            boolean synopsis = false; // picocli wraps the usage synopsis between options, not words
            for (int i = 0; i + 1 < lines.size(); i++) {
                String line = lines.get(i);
                String next = lines.get(i + 1);
                synopsis = line.startsWith("Usage:") || synopsis && indent(line) > 0;
                boolean continues = !line.isBlank() && !next.isBlank() && !synopsis && !line.matches(".*[.:]")
                        && indent(next) >= indent(line)
                        && !next.stripLeading().startsWith("-") && !next.matches("\\s+\\d+ {3}.*");
                if (continues) {
                    String word = next.strip().split(" ")[0];
                    assertThat(line.length() + 1 + word.length()).as("%s help: '%s' could have taken '%s'",
                            command == null ? "top-level" : command, line, word).isGreaterThan(79);
                }
            }
        }
    }

    @Test
    void hintsNameTheCommandTheWayTheUserRunsIt() {
        cli.invocation = new Invocation("rollforward", null);
        assertThat(cli.run("check", "--colour")).isEqualTo(64);
        assertThat(cli.stderr).endsWith("Try 'rollforward check --help' for the options.\n");
        assertThat(help()).startsWith("Usage: rollforward [-hV] [COMMAND]\n").contains("Start with: rollforward demo ");

        cli.invocation = new Invocation("'/opt/roll forward/bin/rollforward'", null);
        assertThat(cli.run("plan", "--nope")).isEqualTo(64);
        assertThat(cli.stderr).endsWith("Try ''/opt/roll forward/bin/rollforward' plan --help' for the options.\n");
        assertThat(cli.run("demo")).isZero();
        assertThat(cli.stderr).contains("Rehearse another outcome: '/opt/roll forward/bin/rollforward' demo --mode overloaded ");
    }

    private String help(String... command) {
        List<String> args = new ArrayList<>();
        for (String c : command) {
            if (c != null) {
                args.add(c);
            }
        }
        args.add("--help");
        assertThat(cli.run(args.toArray(String[]::new))).isZero();
        return cli.stdout;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }
}
