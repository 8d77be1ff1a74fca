package dev.rollforward.cli;

import dev.rollforward.check.FallbackCoverage;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.secrets.EnvVars;
import dev.rollforward.vocabulary.BaseUrlAdvice;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Parse and validate a route config; send nothing.",
        description = {"Prints what is wrong (exit 78) or one OK line (exit 0) on stderr. Warns of a base_url that looks "
                + "like a typo, and of credential env vars that are not set here: they are read only when a check runs. "
                + "Also warns of a route where nothing configured could tell a gateway's silent fallback from the "
                + "intended upstream, with what to add."})
final class ValidateCommand extends Subcommand {

    @Mixin
    ConfigFileOption config;

    ValidateCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        RouteFile file = config.load(env.env(), console());
        List<String> labels = new ArrayList<>();
        for (Route r : file.routes()) {
            labels.add(r.label() + " (" + r.family().wire() + ")");
            String advice = BaseUrlAdvice.of(r);
            if (advice != null) {
                console().warning(r.label() + ": " + advice);
            }
            List<String> names = new ArrayList<>(Arrays.asList(r.credentialEnv(), r.disabledCredentialEnv()));
            names.addAll(r.headersEnv().values());
            for (String name : names) {
                String problem = name == null ? null : EnvVars.problem(env.env(), name);
                if (problem != null) {
                    console().warning(r.label() + ": env var " + name + " " + problem + " here; a check needs it");
                }
            }
            String fallback = FallbackCoverage.warning(r);
            if (fallback != null) {
                console().warning(fallback);
            }
        }
        console().info("OK: " + file.path() + ": " + labels.size() + " route" + (labels.size() == 1 ? "" : "s")
                + ": " + String.join(", ", labels));
        return ExitCode.PASS;
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.succeeds("the config is valid (warnings may be printed); nothing was sent",
                ExitCode.USAGE, ExitCode.INTERNAL, ExitCode.CONFIG);
    }
}
