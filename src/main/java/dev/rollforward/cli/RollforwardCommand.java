package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Version;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: subcommands, --help with the exit codes, --version, error handling. */
@Command(name = "rollforward",
        mixinStandardHelpOptions = true,
        versionProvider = RollforwardCommand.VersionProvider.class,
        description = {"Decide whether LLM API traffic may roll forward onto a recovered gateway route. For each route it "
                + "sends one happy-path request with a canary key and one error-path request with a disabled key, judges "
                + "only what it can observe, and prints one JSON record per attempt and a verdict per route."},
        footer = {"", "Start with: ${ROOT-COMMAND-NAME} demo   (a full check against a local sandbox, no account needed)"})
public final class RollforwardCommand implements Runnable {

    private static final String EXIT_CODES_HEADING = "%nExit codes:%n";
    private static final ExitCodeHelp EVERY_EXIT_CODE = ExitCodeHelp.verdicts(ExitCode.USAGE, ExitCode.NO_INPUT, ExitCode.INTERNAL, ExitCode.CONFIG);

    /**
     * The subcommands, in the order --help lists them. picocli builds a command's model by reflection
     * when it is registered, so a run registers only the one it runs; help and completion show all.
     */
    static final List<String> SUBCOMMANDS = List.of("check", "validate", "plan", "completion", "sandbox", "demo", "history",
            "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (check, validate, plan, sandbox, demo, history)");
    }

    /** The command line for these arguments: with every subcommand, or only the one they run. */
    static CommandLine commandLine(RunEnvironment env, String... args) {
        CommandLine cl = new CommandLine(new RollforwardCommand());
        String run = args.length > 0 && SUBCOMMANDS.contains(args[0]) && !args[0].equals("help")
                && !args[0].equals("completion") ? args[0] : null;
        for (String name : SUBCOMMANDS) {
            if (run == null || run.equals(name)) {
                cl.addSubcommand(name, subcommand(name, env));
            }
        }
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

    private static Object subcommand(String name, RunEnvironment env) {
        return switch (name) {
            case "check" -> new CheckCommand(env);
            case "validate" -> new ValidateCommand(env);
            case "plan" -> new PlanCommand(env);
            case "completion" -> new CompletionCommand(env);
            case "sandbox" -> new SandboxCommand(env);
            case "demo" -> new DemoCommand(env);
            case "history" -> new HistoryCommand(env);
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"rollforward " + Version.get()};
        }
    }
}
