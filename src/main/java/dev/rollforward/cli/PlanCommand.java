package dev.rollforward.cli;

import dev.rollforward.config.RouteDigest;
import dev.rollforward.report.PlanJson;
import dev.rollforward.run.RouteSelection;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.secrets.EnvVars;
import dev.rollforward.vocabulary.BaseUrlAdvice;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import java.util.List;

@Command(name = "plan", mixinStandardHelpOptions = true,
        header = "Show what a check would send, per route and phase, with the key redacted; send nothing.",
        description = {"stdout: one JSON object per route and phase. Works with the credential env vars unset (says which)."})
final class PlanCommand extends Subcommand {

    @Mixin
    ConfigFileOption config;

    @Mixin
    RouteLabelOption routes;

    PlanCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws Exception {
        List<Route> selected = RouteSelection.select(config.load(env.env(), console()), routes.labels, routes.labels.isEmpty());
        for (Route r : selected) {
            String advice = BaseUrlAdvice.of(r);
            if (advice != null) {
                console().warning(r.label() + ": " + advice);
            }
            String digest = RouteDigest.of(r);
            for (Phase phase : Phase.values()) {
                String name = r.keyEnv(phase);
                String problem = name == null ? null : EnvVars.problem(env.env(), name);
                env.out().println(PlanJson.of(r, phase, Version.userAgent(), env.env(), digest));
                if (problem != null) {
                    console().info("note: " + r.label() + " " + phase.wire() + ": env var " + name
                            + " " + problem + "; a check would stop with a config error");
                }
            }
            r.headersEnv().forEach((header, name) -> {
                String problem = EnvVars.problem(env.env(), name);
                if (problem != null) {
                    console().info("note: " + r.label() + ": env var " + name + " (for header " + header + ") "
                            + problem + "; a check would stop with a config error");
                }
            });
        }
        console().info("plan: " + selected.size() + " route" + (selected.size() == 1 ? "" : "s")
                + ", 2 requests each (happy path, then error path); nothing was sent");
        return ExitCode.PASS;
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.succeeds("the plan was printed; nothing was sent", ExitCode.USAGE, ExitCode.INTERNAL, ExitCode.CONFIG);
    }
}
