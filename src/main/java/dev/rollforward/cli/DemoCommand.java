package dev.rollforward.cli;

import dev.rollforward.http.proxy.EnvProxySelector;

import dev.rollforward.run.CheckOptions;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.run.Selection;
import dev.rollforward.sandbox.SandboxMode;
import dev.rollforward.sandbox.SandboxServer;
import dev.rollforward.vocabulary.ExitCode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Run a full check of a chat and a responses route against an in-process sandbox.",
        description = {"Needs no account and no setup; exits with the check's own code."})
final class DemoCommand extends Subcommand {

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "healthy", converter = OptionValues.Mode.class,
            description = "Sandbox behaviour to rehearse (default ${DEFAULT-VALUE}). One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = OptionValues.Modes.class)
    SandboxMode mode;

    @Mixin
    VerbosityOptions verbosity;

    DemoCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        boolean quiet = verbosity.level().quiet();
        try (SandboxServer server = SandboxServer.start(0, mode)) {
            // The sandbox is on loopback: never through the user's proxy.
            Map<String, String> demoEnv = EnvProxySelector.withoutProxyVariables(env.env());
            demoEnv.put(SandboxCommand.KEY_ENV, SandboxServer.CANARY_KEY);
            if (!quiet) {
                env.err().println("rollforward demo: a sandbox upstream (mode " + mode.wire() + ") is serving " + server.baseUrl());
                env.err().println("Checking two routes through it: a chat route and a responses route.");
                env.err().println("Each gets a happy-path request with the canary key, then an error-path request with a disabled key.");
                env.err().println();
            }
            String command = env.invocation().command();
            CheckOptions options = CheckOptions.of(Selection.everyRoute(2), command + " demo --mode " + mode.wire())
                    .withVerbosity(verbosity.level());
            ExitCode code = runCheck(options, env.withEnv(demoEnv), DemoRoutes.of(server.baseUrl()));
            if (!quiet) {
                env.err().println();
                env.err().println("Exit " + code.code() + " = " + code.meaning() + ".");
                env.err().println("The JSON lines on stdout are the records a CI job or evidence log keeps; pipe them to jq.");
                env.err().println("Rehearse another outcome: " + command + " demo --mode overloaded   (or hang, accepts-any-key, "
                        + "...: see " + command + " demo --help)");
            }
            return code;
        }
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.verdicts(ExitCode.USAGE, ExitCode.INTERNAL);
    }
}
