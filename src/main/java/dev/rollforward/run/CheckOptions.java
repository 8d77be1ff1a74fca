package dev.rollforward.run;

import java.nio.file.Path;
import java.util.List;

/** The options of {@code rollforward check}, free of any command-line library. */
public record CheckOptions(
        Path config,
        List<String> routes,
        boolean all,
        int concurrency,
        String checkId,
        String reviewLink,
        Path evidenceLog,
        Path junit,
        Path markdown,
        boolean quiet,
        boolean verbose,
        String commandLine) {

    public static final int DEFAULT_CONCURRENCY = 8;
}
