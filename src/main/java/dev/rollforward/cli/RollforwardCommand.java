package dev.rollforward.cli;

import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.Version;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: subcommands, --help with the exit codes, --version, error handling. */
@Command(name = "rollforward",
        mixinStandardHelpOptions = true,
        versionProvider = RollforwardCommand.VersionProvider.class,
        description = {"Decide whether LLM API traffic may roll forward onto a recovered gateway route.",
                "Sends one happy-path request with a canary key and one error-path request with a disabled key,",
                "judges only what it can observe, prints one JSON record per attempt and a verdict per route."},
        subcommands = {CheckCommand.class, ValidateCommand.class, PlanCommand.class, CompletionCommand.class, SandboxCommand.class, DemoCommand.class,
                HistoryCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Start with: rollforward demo   (a full check against a local sandbox, no account needed)"})
public final class RollforwardCommand implements Runnable {

    private static final String EXIT_CODES_HEADING = "%nExit codes:%n";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (check, validate, plan, sandbox, demo, history)");
    }

    static CommandLine commandLine(RunEnvironment env) {
        CommandLine cl = new CommandLine(new RollforwardCommand(), new Factory(env));
        cl.setOut(new PrintWriter(env.out(), true)); // --help and --version, asked for on purpose
        cl.setErr(new PrintWriter(env.err(), true));
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new ExitCodeMapper(env));
        Map<String, String> exitCodes = exitCodeList();
        cl.getCommandSpec().usageMessage().exitCodeListHeading(EXIT_CODES_HEADING).exitCodeList(exitCodes);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().exitCodeListHeading(EXIT_CODES_HEADING).exitCodeList(exitCodes);
        }
        return cl;
    }

    /** Every exit code and its meaning, the codes right-aligned (padded by hand: String.format is slow to load). */
    private static Map<String, String> exitCodeList() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (ExitCode c : ExitCode.values()) {
            String code = Integer.toString(c.code());
            codes.put("   ".substring(code.length()) + code, c.meaning());
        }
        return codes;
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
