package dev.rollforward.cli;

import dev.rollforward.http.Backoff;
import dev.rollforward.http.FakePacer;
import dev.rollforward.run.RunEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process the way a user would, with fake time and captured streams. */
final class CliHarness {

    static final String CANARY = "sk-test-canary-0000000000000000000000aa";
    static final String DISABLED = "sk-test-disabled-00000000000000000000bb";
    static final Instant NOW = FakePacer.START;

    final Map<String, String> env = new HashMap<>(Map.of("TEST_CANARY_KEY", CANARY, "TEST_DISABLED_KEY", DISABLED));
    final FakePacer pacer = new FakePacer();
    String stdout = "";
    String stderr = "";

    int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunEnvironment re = new RunEnvironment(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.fixed(NOW, ZoneOffset.UTC), pacer,
                new Backoff(bound -> bound), false);
        int code = Main.run(re, args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return code;
    }

    List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }
}
