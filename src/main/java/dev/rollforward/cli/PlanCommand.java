package dev.rollforward.cli;

import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.report.PlanJson;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.run.RouteSelection;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what a check would send, per route and phase, with the key redacted; send nothing.",
                "stdout: one JSON object per route and phase. Works with the credential env vars unset (says which)."})
final class PlanCommand implements Callable<Integer> {

    private final RunEnvironment env;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Route config (YAML or JSON).")
    Path config;

    @Option(names = "--route", paramLabel = "LABEL", description = "Route to show; may repeat (default: every route).")
    List<String> routes = new ArrayList<>();

    PlanCommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        List<Route> selected;
        try {
            RouteFile file = ConfigLoader.load(config);
            selected = RouteSelection.select(file, routes, routes.isEmpty());
        } catch (ConfigException e) {
            env.err().println("rollforward: config error: " + e.getMessage());
            return ExitCode.CONFIG.code();
        } catch (RouteSelection.Ambiguous e) {
            env.err().println("rollforward: " + e.getMessage());
            return ExitCode.USAGE.code();
        }
        for (Route r : selected) {
            for (Phase phase : Phase.values()) {
                String name = phase == Phase.HAPPY_PATH ? r.credentialEnv() : r.disabledCredentialEnv();
                boolean set = name != null && env.env().get(name) != null && !env.env().get(name).isBlank();
                env.out().println(PlanJson.of(r, phase, Version.userAgent(), set));
                if (name != null && !set) {
                    env.err().println("note: " + r.label() + " " + phase.wire() + ": env var " + name
                            + " is not set; a check would stop with a config error");
                }
            }
        }
        env.err().println("plan: " + selected.size() + " route" + (selected.size() == 1 ? "" : "s")
                + ", 2 requests each (happy path, then error path); nothing was sent");
        return ExitCode.PASS.code();
    }
}
