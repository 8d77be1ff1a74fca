package dev.rollforward.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** plan's and history's {@code --route LABEL}, repeatable: the routes to show (all of them without it). */
final class RouteLabelOption {

    @Option(names = "--route", paramLabel = "LABEL", description = "Route by its label; may repeat. Without it, every route.")
    List<String> labels = new ArrayList<>();
}
