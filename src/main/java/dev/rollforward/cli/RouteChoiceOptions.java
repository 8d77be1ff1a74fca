package dev.rollforward.cli;

import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** check's routes: {@code --route LABEL} (may repeat) or {@code --all}, never both (a usage error). */
final class RouteChoiceOptions {

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--route", paramLabel = "LABEL", required = true,
                description = "Route by its label; may repeat. Without it (and without --all), the config's only route.")
        List<String> labels;

        @Option(names = "--all", required = true, description = "Check every route in the config.")
        boolean all;
    }

    List<String> labels() {
        return choice == null || choice.labels == null ? List.of() : choice.labels;
    }

    boolean all() {
        return choice != null && choice.all;
    }
}
