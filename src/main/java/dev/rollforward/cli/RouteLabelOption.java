package dev.rollforward.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --route LABEL}, repeatable: the routes a command works on. */
final class RouteLabelOption {

    @Option(names = "--route", paramLabel = "LABEL",
            description = "Route by its label; may repeat. Without it, check takes the config's only route; plan and history take every route.")
    List<String> labels = new ArrayList<>();
}
