package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.http.Backoff;
import dev.rollforward.http.FakePacer;
import dev.rollforward.run.Invocation;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.run.StopSignal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs rollforward in-process the way a user would ({@link Main#run}), with fake time, no real
 * backoff and captured streams, and gives a test its upstream (a MockWebServer) and a folder for
 * its files. Register it with {@code @RegisterExtension}: when a test fails, it prints each run's
 * arguments, exit code, stdout and stderr, so the failure explains itself.
 */
final class Cli implements AfterTestExecutionCallback, AfterEachCallback {

    static final String CANARY = "sk-test-canary-0000000000000000000000aa";
    static final String DISABLED = "sk-test-disabled-00000000000000000000bb";
    /** The env vars every {@link RouteConfig} names for the two keys. */
    static final String CANARY_ENV = "TEST_CANARY_KEY";
    static final String DISABLED_ENV = "TEST_DISABLED_KEY";
    static final Instant NOW = FakePacer.START;

    private static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, String> env = new HashMap<>(Map.of(CANARY_ENV, CANARY, DISABLED_ENV, DISABLED));
    final FakePacer pacer = new FakePacer();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** What the launcher says about stderr: a terminal gets progress and colour. */
    boolean terminal;
    Invocation invocation = Invocation.CHECKOUT;
    /** stdout as a closed pipe or a full disk: every write fails. */
    boolean stdoutFails;
    /** As the launcher would say when stdout is a terminal (history colours it). */
    boolean stdoutIsTerminal;
    String stdout = "";
    String stderr = "";
    private final List<String> transcript = new ArrayList<>();
    private final List<Runnable> stopListeners = new CopyOnWriteArrayList<>();
    private volatile Capture liveStderr = new Capture();
    /** The stderr of the run {@link #start} is about to begin, there before the run's thread is. */
    private volatile Capture startingStderr;
    private MockWebServer upstream;
    private Path dir;

    int run(String... args) {
        Capture out = new Capture();
        Capture err = startingStderr != null ? startingStderr : new Capture();
        startingStderr = null;
        liveStderr = err;
        PrintStream stdoutStream = stdoutFails ? new PrintStream(new FailingStream(), true, StandardCharsets.UTF_8)
                : new PrintStream(out, true, StandardCharsets.UTF_8);
        StopSignal signal = stop -> {
            stopListeners.add(stop);
            return () -> stopListeners.remove(stop);
        };
        RunEnvironment re = new RunEnvironment(stdoutStream, new PrintStream(err, true, StandardCharsets.UTF_8), env, clock,
                pacer, new Backoff(bound -> bound), terminal, stdoutIsTerminal, invocation, signal);
        int code = Main.run(re, args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        transcript.add("$ rollforward " + String.join(" ", Arrays.asList(args)) + "\n(exit " + code + ")\n"
                + "--- stdout\n" + stdout + "--- stderr\n" + stderr);
        return code;
    }

    /** Runs rollforward on another thread, for a test that acts while it runs ({@link #awaitStderr}, {@link #sendStop}). */
    CompletableFuture<Integer> start(String... args) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        startingStderr = new Capture();
        liveStderr = startingStderr;
        Thread t = new Thread(() -> {
            try {
                exit.complete(run(args));
            } catch (Throwable e) {
                exit.completeExceptionally(e);
            }
        }, "rollforward-under-test");
        t.setDaemon(true);
        t.start();
        return exit;
    }

    /** Blocks until the running command's stderr contains {@code text} (or fails after a generous bound); returns it so far. */
    String awaitStderr(String text) throws InterruptedException {
        return liveStderr.await(text);
    }

    /** Ctrl-C or SIGTERM, as the JVM's shutdown hook delivers it; the command then ends with its own exit code. */
    void sendStop() {
        assertThat(stopListeners).as("something listens for the signal").isNotEmpty();
        stopListeners.forEach(Runnable::run);
    }

    /** Whether a command still waits for Ctrl-C or SIGTERM (none should once it has ended). */
    boolean stopListened() {
        return !stopListeners.isEmpty();
    }

    /** Output captured while it is written, so a test can wait for a line. */
    private static final class Capture extends ByteArrayOutputStream {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        synchronized String await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!toString(StandardCharsets.UTF_8).contains(text)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("stderr never showed '" + text + "'; it has:\n" + toString(StandardCharsets.UTF_8));
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return toString(StandardCharsets.UTF_8);
        }
    }

    private static final class FailingStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    /** The test's upstream on 127.0.0.1, started on first use and closed after the test. */
    MockWebServer upstream() {
        if (upstream == null) {
            upstream = new MockWebServer();
            try {
                upstream.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return upstream;
    }

    /** A fresh folder for the test's files, deleted after the test. */
    Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("rollforward-cli-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** Writes the config as {@code routes.yaml} in {@link #dir()}. */
    Path write(RouteConfig config) {
        return config.writeTo(dir().resolve("routes.yaml"));
    }

    List<String> stdoutLines() {
        return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
    }

    /** The last run's stdout, one JSON record a line. */
    List<JsonNode> records() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stdoutLines()) {
            try {
                out.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("stdout line is not one JSON record: " + line, e);
            }
        }
        return out;
    }

    JsonNode record(int index) {
        return records().get(index);
    }

    static List<String> reasons(JsonNode record) {
        List<String> out = new ArrayList<>();
        record.get("reasons").forEach(n -> out.add(n.asText()));
        return out;
    }

    List<String> stderrLinesWith(String text) {
        return stderr.lines().filter(l -> l.contains(text)).toList();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (upstream != null) {
            upstream.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && !transcript.isEmpty()) {
            System.err.println("=== " + context.getDisplayName() + ": what rollforward printed\n" + String.join("\n", transcript));
        }
    }
}
