package dev.rollforward.cli;

import dev.rollforward.run.Verbosity;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code -q/--quiet} or {@code -v/--verbose}, never both. */
final class VerbosityOptions {

    @ArgGroup(exclusive = true)
    Flags flags;

    static final class Flags {
        @Option(names = {"-q", "--quiet"}, description = "Only errors on stderr.")
        boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "HTTP trace (credentials redacted) and stack traces on stderr.")
        boolean verbose;
    }

    Verbosity level() {
        if (flags == null) {
            return Verbosity.NORMAL;
        }
        return flags.quiet ? Verbosity.QUIET : Verbosity.VERBOSE;
    }
}
