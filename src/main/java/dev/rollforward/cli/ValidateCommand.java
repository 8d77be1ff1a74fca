package dev.rollforward.cli;

import dev.rollforward.check.FallbackCoverage;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.secrets.EnvVars;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Parse and validate a route config; send nothing.",
                "Prints what is wrong (exit 78) or one OK line (exit 0) on stderr. Unset credential env vars are",
                "named as warnings: they are read only when a check runs. So is a route where nothing configured",
                "could tell a gateway's silent fallback from the intended upstream, with what to add."})
final class ValidateCommand extends Subcommand {

    @Mixin
    ConfigFileOption config;

    ValidateCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        RouteFile file = config.load(env.env());
        List<String> labels = new ArrayList<>();
        for (Route r : file.routes()) {
            labels.add(r.label() + " (" + r.family().wire() + ")");
            List<String> names = new ArrayList<>(Arrays.asList(r.credentialEnv(), r.disabledCredentialEnv()));
            names.addAll(r.headersEnv().values());
            for (String name : names) {
                String problem = name == null ? null : EnvVars.problem(env.env(), name);
                if (problem != null) {
                    env.err().println("warning: " + r.label() + ": env var " + name + " " + problem + " here; a check needs it");
                }
            }
            String fallback = FallbackCoverage.warning(r);
            if (fallback != null) {
                env.err().println("warning: " + fallback);
            }
        }
        env.err().println("OK: " + file.path() + ": " + labels.size() + " route" + (labels.size() == 1 ? "" : "s")
                + ": " + String.join(", ", labels));
        return ExitCode.PASS;
    }
}
