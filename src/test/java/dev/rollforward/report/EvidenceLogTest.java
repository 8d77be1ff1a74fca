package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteResult;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class EvidenceLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static EvidenceLog log(Path file) {
        return new EvidenceLog(file, new RecordJson(Results.CHECK_ID, Results.REDACTOR), Results.REDACTOR);
    }

    private static List<JsonNode> parseAll(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        String text = Files.readString(file);
        assertThat(text).endsWith("\n");
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void writesExactlyWhatStdoutShows() throws IOException {
        Path file = dir.resolve("evidence.jsonl");
        RouteResult[] routes = {Results.promote("a", RequestFamily.CHAT, Results.REVIEW),
                Results.stay("b", null), Results.hold("c", Results.REVIEW), Results.leakyHold("d")};

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true, false);
        console.redactor(Results.REDACTOR);
        RecordJson json = new RecordJson(Results.CHECK_ID, Results.REDACTOR);
        StdoutRecords stdout = new StdoutRecords(console, json);
        EvidenceLog log = new EvidenceLog(file, json, Results.REDACTOR);
        for (RouteResult r : routes) {
            stdout.accept(r);
            log.accept(r);
        }
        log.finish(Results.summary("rollforward check", routes));

        assertThat(Files.readString(file)).isEqualTo(out.toString(StandardCharsets.UTF_8));
        List<JsonNode> records = parseAll(file);
        assertThat(records).hasSize(12);
        assertThat(records).extracting(n -> n.get("record").asText())
                .containsExactly("attempt", "attempt", "verdict", "attempt", "attempt", "verdict",
                        "attempt", "attempt", "verdict", "attempt", "attempt", "verdict");
        assertThat(records.get(5).get("fallback_decision").asText()).isEqualTo("stay");
        assertThat(records.get(8).get("fallback_decision").asText()).isEqualTo("hold");
        assertThat(records.get(8).get("operator_result").asText()).isEqualTo("fail");
        String text = Files.readString(file);
        assertThat(text).doesNotContain(Results.CANARY).doesNotContain(Results.DISABLED);
        assertThat(Results.REDACTOR.containsCredential(text)).isFalse();
        assertThat(records.get(11).get("review_link").asText()).contains(Redactor.MASK);
    }

    @Test
    void appendsAcrossRunsAndNeverTruncates() throws IOException {
        Path file = dir.resolve("nested/deeper/evidence.jsonl");
        EvidenceLog first = log(file);
        first.accept(Results.promote("first", RequestFamily.CHAT, Results.REVIEW));
        first.finish(Results.summary("x"));
        String afterFirst = Files.readString(file);

        EvidenceLog second = log(file);
        second.checkWritable();
        assertThat(Files.readString(file)).isEqualTo(afterFirst);
        second.accept(Results.hold("second", null));
        second.accept(Results.stay("third", null));

        String all = Files.readString(file);
        assertThat(all).startsWith(afterFirst);
        List<JsonNode> records = parseAll(file);
        assertThat(records).hasSize(9);
        assertThat(records).extracting(n -> n.get("route_label").asText())
                .containsExactly("first", "first", "first", "second", "second", "second", "third", "third", "third");
    }

    @Test
    void aLineLeftHalfWrittenByADeadWriterDoesNotSwallowOurs() throws IOException {
        Path file = dir.resolve("evidence.jsonl");
        Files.writeString(file, "{\"record\":\"attempt\",\"check_id\":\"crashed-mid");
        log(file).accept(Results.promote("after", RequestFamily.CHAT, null));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("{\"record\":\"attempt\",\"check_id\":\"crashed-mid");
        for (String line : lines.subList(1, 4)) {
            assertThat(JSON.readTree(line).get("route_label").asText()).isEqualTo("after");
        }
    }

    @Test
    @Timeout(20)
    void eightThreadsOfFiftyRoutesEachLeaveEveryLineWholeAndTheCountExact() throws Exception {
        Path file = dir.resolve("logs/evidence.jsonl");
        Files.createDirectories(file.getParent());
        // Three names for one file: each thread has its own EvidenceLog and its own channels.
        Path viaDotDot = dir.resolve("logs/../logs/evidence.jsonl");
        Path viaLink = Files.createSymbolicLink(dir.resolve("link.jsonl"), file);
        Path[] names = {file, viaDotDot, viaLink};

        int threads = 8;
        int routes = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            done.add(pool.submit(() -> {
                EvidenceLog log = log(names[id % names.length]);
                start.await();
                for (int i = 0; i < routes; i++) {
                    String label = "t" + id + "-r" + i;
                    log.accept(i % 3 == 0 ? Results.hold(label, Results.REVIEW)
                            : i % 3 == 1 ? Results.stay(label, null)
                            : Results.promote(label, RequestFamily.RESPONSES, Results.REVIEW));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(15, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<JsonNode> records = parseAll(file);
        assertThat(records).hasSize(threads * routes * 3);
        assertRoutesContiguous(records, threads * routes);
    }

    private static Process child(Path dir, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                EvidenceLogAppender.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    private static String readLine(Process p) throws IOException {
        return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static void tell(Process p) throws IOException {
        p.getOutputStream().write('\n');
        p.getOutputStream().flush();
    }

    @Test
    @Timeout(30)
    void severalProcessesAndThreadsAppendingAtOnceLoseNothing() throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        int processes = 2;
        int threads = 2;
        int routes = 40;
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            children.add(child(dir, "p" + p, file.toString(), "p" + p, String.valueOf(routes)));
        }
        for (Process c : children) {
            assertThat(readLine(c)).as("the child is ready to append").isEqualTo("ready");
        }
        // Every writer starts on one signal: the children on a line each, this JVM's threads on a latch.
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> locals = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "local" + t;
            locals.add(pool.submit(() -> {
                go.await();
                EvidenceLogAppender.append(file, prefix, routes);
                return null;
            }));
        }
        for (Process c : children) {
            tell(c);
        }
        go.countDown();
        for (int p = 0; p < processes; p++) {
            Process c = children.get(p);
            assertThat(c.waitFor(25, TimeUnit.SECONDS)).isTrue();
            assertThat(c.exitValue()).as(Files.readString(dir.resolve("p" + p + ".err"))).isZero();
        }
        for (Future<?> f : locals) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<JsonNode> records = parseAll(file);
        assertThat(records).hasSize((processes + threads) * routes * 3);
        assertRoutesContiguous(records, (processes + threads) * routes);
    }

    @Test
    @Timeout(30)
    void aLockHeldByAnotherProcessIsWaitedFor() throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        Process holder = child(dir, "holder", file.toString(), "--hold");
        assertThat(readLine(holder)).as("the other process has the lock").isEqualTo("locked true");

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> written = writerWaitingForTheLock(pool, file, "after-the-holder");
            assertThat(written).as("our write waits for the other process's lock").isNotDone();
            assertThat(Files.readString(file)).isEmpty();

            tell(holder);
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
            written.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<JsonNode> records = parseAll(file);
        assertThat(records).extracting(n -> n.get("record").asText())
                .containsExactly("held", "attempt", "attempt", "verdict");
    }

    @Test
    @Timeout(10)
    void aLockHeldElsewhereInThisJvmIsWaitedOutNotFailed() throws Exception {
        Path file = dir.resolve("evidence.jsonl");
        Files.writeString(file, "");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock held = other.lock();
            Future<?> written = writerWaitingForTheLock(pool, file, "waited");
            assertThat(written).as("the writer waits while the lock is held").isNotDone();
            assertThat(Files.size(file)).isZero();

            held.release();
            written.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(parseAll(file)).hasSize(3);
    }

    /**
     * Appends one route on the pool's thread, and returns once that thread is inside the wait for
     * the file's lock (blocked in {@code FileChannel.lock}, or between tries while another channel
     * of this JVM holds it).
     */
    private static Future<?> writerWaitingForTheLock(ExecutorService pool, Path file, String label)
            throws InterruptedException {
        AtomicReference<Thread> writer = new AtomicReference<>();
        Future<?> written = pool.submit(() -> {
            writer.set(Thread.currentThread());
            log(file).accept(Results.promote(label, RequestFamily.CHAT, null));
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!written.isDone() && !waitingForTheFileLock(writer.get())) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the writer never reached the file lock");
            }
            Thread.sleep(1);
        }
        return written;
    }

    private static boolean waitingForTheFileLock(Thread writer) {
        return writer != null && Arrays.stream(writer.getStackTrace()).anyMatch(f -> f.getMethodName().equals("lock")
                && (f.getClassName().equals(EvidenceLog.class.getName())
                        || f.getClassName().equals("sun.nio.ch.FileChannelImpl")));
    }

    @Test
    void aParentThatIsAFileIsAnErrorNamingThePath() throws IOException {
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Path file = blocker.resolve("evidence.jsonl");
        EvidenceLog log = log(file);
        assertThatThrownBy(() -> log.accept(Results.promote("a", RequestFamily.CHAT, null)))
                .isInstanceOf(OutputFileException.class)
                .hasMessageStartingWith("cannot write evidence log " + file + ": ")
                .satisfies(e -> assertThat(((OutputFileException) e).path()).isEqualTo(file));
        assertThatThrownBy(log::checkWritable).isInstanceOf(OutputFileException.class);
        assertThat(Files.readString(blocker)).isEqualTo("x");
    }

    @Test
    void aFolderWhereTheFileShouldBeIsAnErrorNamingThePath() throws IOException {
        Path file = dir.resolve("evidence.jsonl");
        Files.createDirectories(file);
        EvidenceLog log = log(file);
        assertThatThrownBy(() -> log.accept(Results.promote("a", RequestFamily.CHAT, null)))
                .isInstanceOf(OutputFileException.class)
                .hasMessageContaining("evidence log " + file)
                .hasMessageContaining("directory");
        assertThat(Files.isDirectory(file)).isTrue();
    }

    /** Each route's three lines are next to each other, attempts then verdict, and every route is there once. */
    private static void assertRoutesContiguous(List<JsonNode> records, int routes) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < records.size(); i += 3) {
            String label = records.get(i).get("route_label").asText();
            for (int k = 0; k < 3; k++) {
                JsonNode r = records.get(i + k);
                assertThat(r.get("route_label").asText()).isEqualTo(label);
                assertThat(r.get("record").asText()).isEqualTo(k < 2 ? "attempt" : "verdict");
                assertThat(r.get("check_id").asText()).isEqualTo(Results.CHECK_ID);
            }
            seen.merge(label, 1, Integer::sum);
        }
        assertThat(seen).hasSize(routes);
        assertThat(seen.values()).containsOnly(1);
    }
}
