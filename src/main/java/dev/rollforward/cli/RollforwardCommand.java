package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: subcommands, --help with the exit codes, --version, error handling. */
@Command(name = "rollforward",
        mixinStandardHelpOptions = true,
        versionProvider = RollforwardCommand.VersionProvider.class,
        description = {"Decide whether LLM API traffic may roll forward onto a recovered gateway route. For each route it "
                + "sends one happy-path request with a canary key and one error-path request with a disabled key, judges "
                + "only what it can observe, and prints one JSON record per attempt and a verdict per route."},
        subcommands = {CheckCommand.class, ValidateCommand.class, PlanCommand.class, CompletionCommand.class, SandboxCommand.class, DemoCommand.class,
                HistoryCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Start with: ${ROOT-COMMAND-NAME} demo   (a full check against a local sandbox, no account needed)"})
public final class RollforwardCommand implements Runnable {

    private static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    private static final ExitCodeHelp EVERY_EXIT_CODE = ExitCodeHelp.verdicts(ExitCode.USAGE, ExitCode.NO_INPUT, ExitCode.INTERNAL, ExitCode.CONFIG);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (check, validate, plan, sandbox, demo, history)");
    }

    static CommandLine commandLine(RunEnvironment env) {
        CommandLine cl = new CommandLine(new RollforwardCommand(), new Factory(env));
        // Usage lines and hints name the command the way the user runs it, so they work when pasted.
        cl.setCommandName(env.invocation().command());
        cl.setOut(new PrintWriter(env.out(), true)); // --help and --version, asked for on purpose
        cl.setErr(new PrintWriter(env.err(), true));
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new ExitCodeMapper(env));
        cl.setUsageHelpAutoWidth(true); // the terminal's width when there is one, else 80
        if (!env.colourAllowed()) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        exitCodes(cl, EVERY_EXIT_CODE);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new VersionProvider()); // every command's -V
            if (sub.getCommand() instanceof Subcommand command) {
                exitCodes(sub, command.exitCodes());
            }
        }
        return cl;
    }

    private static void exitCodes(CommandLine cl, ExitCodeHelp codes) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading(EXIT_CODES_HEADING).exitCodeList(codes.list());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rollforward " + Version.get()};
        }
    }

    /** Hands the run environment to subcommands without statics, so tests stay isolated. */
    private static final class Factory implements CommandLine.IFactory {
        private final RunEnvironment env;

        Factory(RunEnvironment env) {
            this.env = env;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(RunEnvironment.class).newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
