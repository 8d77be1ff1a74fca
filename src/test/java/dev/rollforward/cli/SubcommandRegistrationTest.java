package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.run.RunEnvironment;
import java.io.OutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * picocli builds each registered command's model by reflection, the largest part of start-up
 * before any check work: a run registers only the subcommand it runs. Whatever lists or needs
 * the others (help, completion, a typo to suggest a name for) still gets them all.
 */
class SubcommandRegistrationTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private static CommandLine commandLine(String... args) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return RollforwardCommand.commandLine(RunEnvironment.system(nowhere, nowhere), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "validate", "plan", "sandbox", "demo"})
    void aRunRegistersOnlyItsOwnSubcommand(String name) {
        assertThat(commandLine(name, "--help").getSubcommands()).containsOnlyKeys(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "help", "completion", "chek", "--version", "-x"})
    void whatListsOrNeedsTheOthersGetsThemAll(String first) {
        assertThat(commandLine(first).getSubcommands().keySet()).containsExactlyElementsOf(RollforwardCommand.SUBCOMMANDS);
        assertThat(commandLine().getSubcommands().keySet()).containsExactlyElementsOf(RollforwardCommand.SUBCOMMANDS);
    }

    @Test
    void eachSubcommandIsRegisteredUnderItsOwnName() {
        commandLine().getSubcommands().forEach((name, sub) -> assertThat(sub.getCommandName()).isEqualTo(name));
    }

    @Test
    void helpAndCompletionStillListEverySubcommand() {
        assertThat(cli.run("--help")).isZero();
        String help = cli.stdout;
        assertThat(cli.run("completion")).isZero();
        String completion = cli.stdout;
        for (String name : RollforwardCommand.SUBCOMMANDS) {
            assertThat(help).containsPattern("(?m)^\\s+" + name + "\\s");
            assertThat(completion).contains(name);
        }
        assertThat(cli.run("help", "check")).isZero();
        assertThat(cli.stdout).containsPattern("Usage: \\S*rollforward check ");
    }

    @Test
    void aMistypedSubcommandIsStillSuggested() {
        assertThat(cli.run("chek", "--config", "routes.yaml")).isEqualTo(64);
        assertThat(cli.stderr).contains("Did you mean").contains("check");
    }
}
