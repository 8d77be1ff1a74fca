package dev.rollforward.run;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of {@code rollforward check}, free of any command-line library.
 *
 * @param caCert a PEM file of CA certificates trusted besides the JVM's own, or null
 */
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
        String commandLine,
        Path caCert) {

    public static final int DEFAULT_CONCURRENCY = 8;

    /** Without {@code --ca-cert}: https routes are verified with the JVM's trust store alone. */
    public CheckOptions(Path config, List<String> routes, boolean all, int concurrency, String checkId, String reviewLink,
                        Path evidenceLog, Path junit, Path markdown, boolean quiet, boolean verbose, String commandLine) {
        this(config, routes, all, concurrency, checkId, reviewLink, evidenceLog, junit, markdown, quiet, verbose,
                commandLine, null);
    }
}
