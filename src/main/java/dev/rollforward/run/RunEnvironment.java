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
                             Clock clock, Pacer pacer, Backoff backoff) {

    public static RunEnvironment system(PrintStream out, PrintStream err) {
        return new RunEnvironment(out, err, System.getenv(), Clock.systemUTC(), Pacer.SYSTEM, Backoff.random());
    }

    public RunEnvironment withEnv(Map<String, String> newEnv) {
        return new RunEnvironment(out, err, newEnv, clock, pacer, backoff);
    }
}
