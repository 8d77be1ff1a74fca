package dev.rollforward.run;

import dev.rollforward.http.Backoff;
import dev.rollforward.http.Pacer;
import dev.rollforward.secrets.EnvVars;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a run takes from the outside world, in one place so tests can hand in
 * their own: streams, environment variables, clocks and randomness, how the user started
 * rollforward, and the signal that asks it to stop.
 */
public record RunEnvironment(PrintStream out, PrintStream err, Map<String, String> env,
                             Clock clock, Pacer pacer, Backoff backoff, boolean stderrIsTerminal,
                             boolean stdoutIsTerminal, Invocation invocation, StopSignal stopSignal) {

    /** Started from the checkout, with nothing listening for a signal. */
    public RunEnvironment(PrintStream out, PrintStream err, Map<String, String> env,
                          Clock clock, Pacer pacer, Backoff backoff, boolean stderrIsTerminal, boolean stdoutIsTerminal) {
        this(out, err, env, clock, pacer, backoff, stderrIsTerminal, stdoutIsTerminal, Invocation.CHECKOUT, stop -> () -> { });
    }

    /**
     * The JVM cannot tell whether stderr alone is a terminal (System.console() also needs
     * stdout, which is usually piped to jq), so the launcher tells it: -Drollforward.stderr.tty=1,
     * and likewise -Drollforward.stdout.tty=1 for the commands whose stdout is for a person (history).
     */
    public static RunEnvironment system(PrintStream out, PrintStream err) {
        return new RunEnvironment(out, err, System.getenv(), Clock.systemUTC(), Pacer.SYSTEM, Backoff.random(),
                "1".equals(System.getProperty("rollforward.stderr.tty")),
                "1".equals(System.getProperty("rollforward.stdout.tty")), Invocation.fromSystem(), new JvmStopSignal(err));
    }

    public RunEnvironment withEnv(Map<String, String> newEnv) {
        return new RunEnvironment(out, err, newEnv, clock, pacer, backoff, stderrIsTerminal, stdoutIsTerminal,
                invocation, stopSignal);
    }

    public RunEnvironment withInvocation(Invocation how) {
        return new RunEnvironment(out, err, env, clock, pacer, backoff, stderrIsTerminal, stdoutIsTerminal, how, stopSignal);
    }

    public RunEnvironment withStopSignal(StopSignal signal) {
        return new RunEnvironment(out, err, env, clock, pacer, backoff, stderrIsTerminal, stdoutIsTerminal, invocation, signal);
    }

    /** Progress and colour only on a terminal that can show them ({@link #colourAllowed()}). */
    public boolean fancyStderr() {
        return stderrIsTerminal && colourAllowed();
    }

    /**
     * Never colour (nor move the cursor) when NO_COLOR is set (no-color.org: to anything but the
     * empty string) or TERM is {@code dumb} (Emacs' shell, some CI consoles), which cannot show it.
     */
    public boolean colourAllowed() {
        return !EnvVars.isSet(env, "NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /** Colour on stdout, for a person reading it on a terminal; never when piped ({@link #colourAllowed()}). */
    public boolean colourStdout() {
        return stdoutIsTerminal && colourAllowed();
    }
}
