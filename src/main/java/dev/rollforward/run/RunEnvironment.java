package dev.rollforward.run;

import dev.rollforward.http.Backoff;
import dev.rollforward.http.Pacer;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a run takes from the outside world, in one place so tests can hand in
 * their own: streams, environment variables, clocks and randomness.
 */
public record RunEnvironment(PrintStream out, PrintStream err, Map<String, String> env,
                             Clock clock, Pacer pacer, Backoff backoff, boolean stderrIsTerminal,
                             boolean stdoutIsTerminal) {

    /**
     * The JVM cannot tell whether stderr alone is a terminal (System.console() also needs
     * stdout, which is usually piped to jq), so the launcher tells it: -Drollforward.stderr.tty=1,
     * and likewise -Drollforward.stdout.tty=1 for the commands whose stdout is for a person (history).
     */
    public static RunEnvironment system(PrintStream out, PrintStream err) {
        return new RunEnvironment(out, err, System.getenv(), Clock.systemUTC(), Pacer.SYSTEM, Backoff.random(),
                "1".equals(System.getProperty("rollforward.stderr.tty")),
                "1".equals(System.getProperty("rollforward.stdout.tty")));
    }

    public RunEnvironment withEnv(Map<String, String> newEnv) {
        return new RunEnvironment(out, err, newEnv, clock, pacer, backoff, stderrIsTerminal, stdoutIsTerminal);
    }

    /** Progress and colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
    public boolean fancyStderr() {
        return stderrIsTerminal && env.get("NO_COLOR") == null;
    }

    /** Colour on stdout, for a person reading it on a terminal; never when piped or NO_COLOR is set. */
    public boolean colourStdout() {
        return stdoutIsTerminal && env.get("NO_COLOR") == null;
    }
}
