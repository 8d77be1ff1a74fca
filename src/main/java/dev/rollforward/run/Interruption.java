package dev.rollforward.run;

import dev.rollforward.report.Console;
import dev.rollforward.vocabulary.ExitCode;

/**
 * Ctrl-C or SIGTERM during a check. The runner stops sending; every route still gets its result
 * (the attempts not made: hold, interrupted); the reports are written, one line on stderr says
 * so, and the run ends with 2 (hold): a CI step that publishes the JUnit or markdown report
 * finds one.
 */
final class Interruption implements AutoCloseable {

    private final Console console;
    private final StopSignal.Listening listening;

    private Interruption(Console console, CheckRunner runner, StopSignal signal) {
        this.console = console;
        this.listening = signal.onStop(runner::stop);
    }

    /** Listens for the signal until closed, which the session does once its reports are written. */
    static Interruption listen(StopSignal signal, Console console, CheckRunner runner) {
        return new Interruption(console, runner, signal);
    }

    /** The one line that says what an interrupted run holds. */
    void report(int attempts, int notMade) {
        console.error("interrupted: " + (attempts - notMade) + " of " + attempts + " attempts finished; the other "
                + notMade + " are recorded as hold (interrupted); exit " + ExitCode.HOLD.code());
    }

    @Override
    public void close() {
        listening.close();
    }
}
