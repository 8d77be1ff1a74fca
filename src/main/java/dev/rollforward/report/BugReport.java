package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;

/** How a bug is shown: one redacted line, and the stack trace only when --verbose asked for it. */
public final class BugReport {

    private BugReport() {
    }

    public static String describe(Throwable e, boolean verbose, Redactor redactor) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        String line = "internal error: " + e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        if (!verbose) {
            return redactor.redact(line + " (a bug; rerun with --verbose for the stack trace)");
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        // A trace indents with tabs, which the console shows as control characters: spaces read the same.
        return redactor.redact(line + "\n" + trace.toString().replace("\t", "    "));
    }
}
