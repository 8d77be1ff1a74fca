package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;
import dev.rollforward.secrets.EnvVars;
import dev.rollforward.vocabulary.BaseUrlAdvice;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Parse and validate a route config; send nothing.",
        description = {"Prints what is wrong (exit 78) or one OK line (exit 0) on stderr. Warns of a base_url that looks "
                + "like a typo, and of credential env vars that are not set here: they are read only when a check runs."})
final class ValidateCommand extends Subcommand {

    @Mixin
    ConfigFileOption config;

    ValidateCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        RouteFile file = config.load(console());
        List<String> labels = new ArrayList<>();
        for (Route r : file.routes()) {
            labels.add(r.label() + " (" + r.family().wire() + ")");
            String advice = BaseUrlAdvice.of(r);
            if (advice != null) {
                console().warning(r.label() + ": " + advice);
            }
            for (String name : new String[] {r.credentialEnv(), r.disabledCredentialEnv()}) {
                if (name != null && !EnvVars.isSet(env.env(), name)) {
                    console().warning(r.label() + ": env var " + name + " is not set here; a check needs it");
                }
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
