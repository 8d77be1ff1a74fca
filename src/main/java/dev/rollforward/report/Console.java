package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.Decision;
import java.io.PrintStream;

/**
 * stdout carries only records; everything for a person goes to stderr. Every line passes
 * the run's redactor here, the last gate before bytes leave the process.
 */
public final class Console {

    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;
    private final boolean terminal;
    private volatile Redactor redactor;
    private boolean progressShown;

    /** @param terminal stderr is a terminal that wants progress and colour */
    public Console(PrintStream out, PrintStream err, boolean quiet, boolean terminal) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal && !quiet;
        this.redactor = Redactor.none();
    }

    /** A transient status line (what is in flight), overwritten by the next line; terminals only. */
    public void progress(String text) {
        if (!terminal) {
            return;
        }
        String safe = redactor.redact(text);
        synchronized (err) {
            err.print(CLEAR_LINE + safe);
            err.flush();
            progressShown = true;
        }
    }

    /** Colours a verdict word on a terminal: green promote, red stay, yellow hold. */
    public String colour(Decision decision, String text) {
        return terminal ? paint(decision, text) : text;
    }

    /** The one colour scheme for verdicts, wherever a terminal shows one. */
    static String paint(Decision decision, String text) {
        String code = switch (decision) {
            case PROMOTE -> "32";
            case STAY -> "31";
            case HOLD -> "33";
        };
        return "\033[1;" + code + "m" + text + "\033[0m";
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

    /** Errors are shown even under --quiet. */
    public void error(String text) {
        printErr("rollforward: " + text);
    }

    private void printErr(String text) {
        String safe = redactor.redact(text);
        synchronized (err) {
            if (progressShown) {
                err.print(CLEAR_LINE);
                progressShown = false;
            }
            err.print(safe + (safe.endsWith("\n") ? "" : "\n"));
            err.flush();
        }
    }
}
