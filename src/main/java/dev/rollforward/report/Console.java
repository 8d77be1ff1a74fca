package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.Decision;
import java.io.PrintStream;

/**
 * stdout carries only records; everything for a person goes to stderr. Every line passes the
 * run's redactor here, and then the terminal escape: this is the last gate before bytes leave
 * the process, so nothing an upstream sent (a header under --verbose, a reason phrase) can clear
 * the screen, retitle the window or ring the bell. The only control sequences that reach a
 * terminal are the Console's own: its colours and the progress line it clears.
 */
public final class Console {

    private static final String CLEAR_LINE = "\r\033[K";
    private static final String RESET = "\033[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;
    private final boolean terminal;
    private volatile Redactor redactor;
    /** What is in flight, shown on the last line of stderr until the next line; guarded by err. */
    private String progress = "";
    private boolean progressShown;

    /** @param terminal stderr is a terminal that wants progress and colour */
    public Console(PrintStream out, PrintStream err, boolean quiet, boolean terminal) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
        this.terminal = terminal && !quiet;
        this.redactor = Redactor.none();
    }

    /** Under --quiet nothing but errors reaches stderr: nothing else need be made for it. */
    public boolean quiet() {
        return quiet;
    }

    /** Set once the run's credentials are known. */
    public void redactor(Redactor r) {
        this.redactor = r;
    }

    public Redactor redactor() {
        return redactor;
    }

    /**
     * The status line (what is in flight), kept as the last line of stderr: lines printed meanwhile
     * go above it; empty text takes it away. Terminals only.
     */
    public void progress(String text) {
        if (!terminal) {
            return;
        }
        synchronized (err) {
            progress = safe(text);
            hideProgress();
            showProgress();
        }
    }

    /**
     * One JSON record, one whole line. On a terminal stdout and stderr are one screen: the progress
     * line is cleared first, or the record would be printed after it on the same line.
     */
    public void record(String json) {
        String safe = TerminalText.jsonLine(redactor.redact(json));
        synchronized (err) {
            hideProgress();
            synchronized (out) {
                out.print(safe + "\n");
                out.flush();
            }
            showProgress();
        }
    }

    /** Progress, tables, notes: left out under --quiet. */
    public void info(String text) {
        if (!quiet) {
            printErr(safe(text));
        }
    }

    /** {@code text} then {@code words} in the decision's colour on a terminal (green promote, red stay, yellow hold). */
    public void info(String text, Decision decision, String words) {
        if (!quiet) {
            printErr(safe(text) + colour(decision, safe(words)));
        }
    }

    /** Something the user must not miss (where the keys go): shown even under --quiet. */
    public void warning(String text) {
        printErr(safe("warning: " + text));
    }

    /** Errors are shown even under --quiet. */
    public void error(String text) {
        printErr(safe("rollforward: " + text));
    }

    private String safe(String text) {
        return TerminalText.escape(redactor.redact(text));
    }

    private String colour(Decision decision, String text) {
        return terminal ? paint(decision, text) : text;
    }

    /** The one colour scheme for verdicts, wherever a terminal shows one (also history's stdout). */
    static String paint(Decision decision, String text) {
        String code = switch (decision) {
            case PROMOTE -> "32";
            case STAY -> "31";
            case HOLD -> "33";
        };
        return "\033[1;" + code + "m" + text + RESET;
    }

    private void printErr(String safe) {
        synchronized (err) {
            hideProgress();
            err.print(safe + (safe.endsWith("\n") ? "" : "\n"));
            showProgress();
        }
    }

    private void hideProgress() {
        if (progressShown) {
            err.print(CLEAR_LINE);
            progressShown = false;
        }
    }

    private void showProgress() {
        if (!progress.isEmpty()) {
            err.print(progress);
            progressShown = true;
        }
        err.flush();
    }
}
