package dev.rollforward.report;

import java.io.PrintStream;

/**
 * stdout carries only records; everything for a person goes to stderr. Every line passes
 * the run's redactor here, the last gate before bytes leave the process.
 */
public final class Console {

    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;
    private volatile Redactor redactor;

    public Console(PrintStream out, PrintStream err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.redactor = Redactor.none();
    }

    /** Set once the run's credentials are known. */
    public void redactor(Redactor r) {
        this.redactor = r;
    }

    public Redactor redactor() {
        return redactor;
    }

    /** One JSON record, one whole line. */
    public void record(String json) {
        String safe = redactor.redact(json);
        synchronized (out) {
            out.print(safe + "\n");
            out.flush();
        }
    }

    /** Progress, tables, notes: left out under --quiet. */
    public void info(String text) {
        if (!quiet) {
            printErr(text);
        }
    }

    public void warn(String text) {
        if (!quiet) {
            printErr("warning: " + text);
        }
    }

    /** Errors are shown even under --quiet. */
    public void error(String text) {
        printErr("rollforward: " + text);
    }

    public boolean quiet() {
        return quiet;
    }

    public PrintStream rawErr() {
        return err;
    }

    private void printErr(String text) {
        String safe = redactor.redact(text);
        synchronized (err) {
            err.print(safe + (safe.endsWith("\n") ? "" : "\n"));
            err.flush();
        }
    }
}
