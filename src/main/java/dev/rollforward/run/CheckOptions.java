package dev.rollforward.run;

import java.nio.file.Path;

/**
 * The options of one check, free of any command-line library. Start from {@link #of} and set
 * only what differs from the defaults.
 *
 * @param caCert      a PEM file of CA certificates trusted besides the JVM's own, or null
 * @param commandLine the command as typed (redacted), for the reports to repeat
 */
public record CheckOptions(Selection selection, ReportFiles reports, Verbosity verbosity, CheckIdentity identity,
                           Path caCert, String commandLine) {

    /** No report files, normal verbosity, a generated check id, the JVM's trust store alone. */
    public static CheckOptions of(Selection selection, String commandLine) {
        return new CheckOptions(selection, ReportFiles.NONE, Verbosity.NORMAL, CheckIdentity.DEFAULT, null, commandLine);
    }

    public CheckOptions withReports(ReportFiles files) {
        return new CheckOptions(selection, files, verbosity, identity, caCert, commandLine);
    }

    public CheckOptions withVerbosity(Verbosity level) {
        return new CheckOptions(selection, reports, level, identity, caCert, commandLine);
    }

    public CheckOptions withIdentity(CheckIdentity id) {
        return new CheckOptions(selection, reports, verbosity, id, caCert, commandLine);
    }

    public CheckOptions withCaCert(Path pem) {
        return new CheckOptions(selection, reports, verbosity, identity, pem, commandLine);
    }
}
