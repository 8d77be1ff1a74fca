package dev.rollforward.cli;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.run.RunEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Parse and validate a route config; send nothing.",
                "Prints what is wrong (exit 78) or one OK line (exit 0) on stderr. Unset credential env vars are",
                "named as warnings: they are read only when a check runs."})
final class ValidateCommand implements Callable<Integer> {

    private final RunEnvironment env;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Route config (YAML or JSON).")
    Path config;

    ValidateCommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        RouteFile file;
        try {
            file = ConfigLoader.load(config);
        } catch (ConfigException e) {
            env.err().println("rollforward: config error: " + e.getMessage());
            return ExitCode.CONFIG.code();
        }
        List<String> labels = new ArrayList<>();
        for (Route r : file.routes()) {
            labels.add(r.label() + " (" + r.family().wire() + ")");
            for (String name : new String[] {r.credentialEnv(), r.disabledCredentialEnv()}) {
                if (name != null && (env.env().get(name) == null || env.env().get(name).isBlank())) {
                    env.err().println("warning: " + r.label() + ": env var " + name + " is not set here; a check needs it");
                }
            }
        }
        env.err().println("OK: " + file.path() + ": " + labels.size() + " route" + (labels.size() == 1 ? "" : "s")
                + ": " + String.join(", ", labels));
        return ExitCode.PASS.code();
    }
}
