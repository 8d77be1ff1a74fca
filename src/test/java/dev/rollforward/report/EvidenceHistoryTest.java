package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.vocabulary.Provenance;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.TestRoutes;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §8: {@code history} reads a log back per route, in time order, with what changed at each step. */
class EvidenceHistoryTest {

    private static final String DIGEST_B = "sha256:7c211433f02607c211433f02607c211433f02607c211433f02607c211433f0";

    @TempDir
    Path dir;

    private static RouteResult at(RouteResult r, String startedAt, Provenance p) {
        return new RouteResult(r.label(), r.family(), r.reviewLink(), r.attempts(), Instant.parse(startedAt), r.durationMs(), p);
    }

    private static void append(Path log, String checkId, RouteResult... routes) {
        EvidenceLog sink = new EvidenceLog(log, new RecordJson(checkId, Results.REDACTOR), Results.REDACTOR);
        for (RouteResult r : routes) {
            sink.accept(r);
        }
    }

    /** Two routes; night-3 was appended before night-2 although it started later (two runs at once). */
    private Path twoNights() throws IOException {
        Path log = dir.resolve("evidence.jsonl");
        Provenance changedConfig = new Provenance("0.1.0", DIGEST_B, "sha256:cccc103ede1a");
        append(log, "night-1", at(Results.hold("cometapi-chat", "https://tickets.example.com/ROUTE-9"),
                "2026-11-27T03:40:05Z", TestRoutes.PROVENANCE));
        append(log, "night-1", at(Results.promote("backup", RequestFamily.RESPONSES, null), "2026-11-27T03:40:06Z",
                TestRoutes.PROVENANCE));
        append(log, "night-3", at(Results.promote("cometapi-chat", RequestFamily.CHAT, null), "2026-11-27T04:30:00Z",
                changedConfig));
        append(log, "night-2", at(Results.promote("cometapi-chat", RequestFamily.CHAT, null), "2026-11-27T04:10:00Z",
                changedConfig));
        return log;
    }

    private static String text(EvidenceHistory h, boolean colour) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HistoryText(new PrintStream(out, true, StandardCharsets.UTF_8), colour).write(h);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String json(EvidenceHistory h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HistoryJson(new PrintStream(out, true, StandardCharsets.UTF_8)).write(h);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void perRouteInTimeOrderWithWhatChangedAtEachStep() throws Exception {
        EvidenceHistory h = EvidenceHistory.read(twoNights(), List.of());
        assertThat(h.routes()).containsExactly("backup", "cometapi-chat");
        assertThat(h.checks()).isEqualTo(4);
        assertThat(h.skipped()).isZero();
        assertThat(text(h, false)).isEqualTo("""
            backup: 1 check
            2026-11-27T03:40:06Z  night-1  promote  2xx   served_by -  retries 0  -

            cometapi-chat: 3 checks
            2026-11-27T03:40:05Z  night-1  hold     4xx   served_by -  retries 0  happy-path:canary_credential_refused,error-path:no_response,error-path:timeout
            2026-11-27T04:10:00Z  night-2  promote  2xx   served_by -  retries 0  -  changed: fallback_decision hold \u2192 promote, \
            http_status_class 4xx \u2192 2xx, response_shape_seen unexpected \u2192 expected, \
            served_by.model (none) \u2192 gpt-4o-mini-2024-07-18, \
            route_digest sha256:5c3f2b6c0e1d \u2192 sha256:7c211433f026 (the route's config changed)
            2026-11-27T04:30:00Z  night-3  promote  2xx   served_by -  retries 0  -
            """);
    }

    @Test
    void jsonIsOneObjectPerCheckWithTheCheckBeforeAndWhatChanged() throws Exception {
        EvidenceHistory h = EvidenceHistory.read(twoNights(), List.of("cometapi-chat"));
        List<String> lines = json(h).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"route_label\":\"cometapi-chat\",\"check_id\":\"night-1\","
                + "\"started_at\":\"2026-11-27T03:40:05Z\",\"fallback_decision\":\"hold\",\"http_status_class\":\"4xx\","
                + "\"response_shape_seen\":\"unexpected\",\"served_by_target\":null,\"retry_count\":0,"
                + "\"reasons\":[\"happy-path:canary_credential_refused\",\"error-path:no_response\",\"error-path:timeout\"],"
                + "\"review_link\":\"https://tickets.example.com/ROUTE-9\",\"route_digest\":\"" + TestRoutes.PROVENANCE.routeDigest()
                + "\",\"credential_fingerprint\":\"sha256:cccc103ede1a\",\"tool_version\":\"0.1.0\","
                + "\"previous_check_id\":null,\"changed\":[]}");
        assertThat(lines.get(1)).contains("\"check_id\":\"night-2\"")
                .contains("\"previous_check_id\":\"night-1\"")
                .endsWith("{\"field\":\"route_digest\",\"was\":\"" + TestRoutes.PROVENANCE.routeDigest() + "\",\"now\":\""
                        + DIGEST_B + "\"}]}");
        assertThat(lines.get(2)).contains("\"check_id\":\"night-3\"", "\"previous_check_id\":\"night-2\"", "\"changed\":[]");
    }

    @Test
    void onATerminalTheVerdictAndCheckIdAreColouredLikeGitLog() throws Exception {
        String shown = text(EvidenceHistory.read(twoNights(), List.of("backup")), true);
        assertThat(shown).isEqualTo("\033[1mbackup: 1 check\033[0m\n"
                + "2026-11-27T03:40:06Z  \033[33mnight-1\033[0m  \033[1;32mpromote\033[0m  2xx   served_by -  retries 0  -\n");
    }

    @Test
    void tornAndForeignLinesAreSkippedAndCounted() throws Exception {
        Path log = dir.resolve("evidence.jsonl");
        Files.writeString(log, "{\"level\":\"info\",\"msg\":\"another tool\"}\n"
                + "not json at all\n"
                + "\n"
                + "[1,2,3]\n"
                + "{\"record\":\"verdict\",\"route_label\":\"a\",\"check_id\":\"torn-by-a-crash\n");
        append(log, "run-1", Results.promote("a", RequestFamily.CHAT, null));
        Files.writeString(log, "{\"record\":\"verdict\",\"route_label\":\"a\",\"check_id\":\"mid-wr", StandardOpenOption.APPEND);

        EvidenceHistory h = EvidenceHistory.read(log, List.of());
        assertThat(h.checks()).isEqualTo(1);
        assertThat(h.steps("a").get(0).check().checkId()).isEqualTo("run-1");
        assertThat(h.skipped()).as("the foreign object, the text, the list, and two torn lines; not the blank line")
                .isEqualTo(5);
        assertThat(h.endsMidLine()).isTrue();
    }

    @Test
    void aLineLongerThanAnyRecordIsSkippedWithoutBeingHeld() throws Exception {
        Path log = dir.resolve("evidence.jsonl");
        Files.writeString(log, "{\"x\":\"" + "y".repeat(EvidenceRecord.MAX_LINE_BYTES + 10) + "\"}\n");
        append(log, "run-1", Results.promote("a", RequestFamily.CHAT, null));
        EvidenceHistory h = EvidenceHistory.read(log, List.of());
        assertThat(h.checks()).isEqualTo(1);
        assertThat(h.skipped()).isEqualTo(1);
        assertThat(h.endsMidLine()).isFalse();
    }

    @Test
    void anEmptyLogHasNoChecksAndNothingSkipped() throws Exception {
        Path log = Files.createFile(dir.resolve("evidence.jsonl"));
        EvidenceHistory h = EvidenceHistory.read(log, List.of());
        assertThat(h.routes()).isEmpty();
        assertThat(h.skipped()).isZero();
        assertThat(text(h, false)).isEmpty();
        assertThat(json(h)).isEmpty();
    }

    @Test
    void aMissingLogOrAFolderCannotBeRead() throws Exception {
        assertThatThrownBy(() -> EvidenceHistory.read(dir.resolve("nope.jsonl"), List.of()))
                .isInstanceOf(EvidenceLogUnreadable.class).hasCauseInstanceOf(NoSuchFileException.class)
                .hasMessage("cannot read evidence log " + dir.resolve("nope.jsonl")
                        + ": no such file; name the file that check --evidence-log wrote");
        assertThatThrownBy(() -> EvidenceHistory.read(dir, List.of())).isInstanceOf(EvidenceLogUnreadable.class)
                .hasMessageEndingWith(": it is a folder; name the file that check --evidence-log wrote");
        assertThat(dir.resolve("nope.jsonl")).doesNotExist();
    }

    @Test
    void readingNeverChangesTheFileAndNeedsOnlyReadPermission() throws Exception {
        Path log = twoNights();
        byte[] before = Files.readAllBytes(log);
        FileTime modified = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(log, modified);
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("r--r--r--"));

        assertThat(EvidenceHistory.read(log, List.of()).checks()).isEqualTo(4);
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(log)).isEqualTo(modified);
    }

    @Test
    void valuesSomeoneEditedCannotMoveTheTerminalsCursorOrShowAKey() throws Exception {
        Path log = dir.resolve("evidence.jsonl");
        Files.writeString(log, "{\"record\":\"verdict\",\"route_label\":\"a\",\"check_id\":\"evil\\u001b[2Jx\","
                + "\"started_at\":\"2026-11-27T03:40:05Z\",\"fallback_decision\":\"stay\",\"reasons\":[\"Bearer sk-abcdefghijklmnop\"]}\n");
        String shown = text(EvidenceHistory.read(log, List.of()), false);
        assertThat(shown).doesNotContain("\033").contains("evil?[2Jx").doesNotContain("sk-abcdefghijklmnop");
    }

    private static Process appender(Path dir, String name, Path file, int routes) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                EvidenceLogAppender.class.getName(), file.toString(), name, String.valueOf(routes));
        return new ProcessBuilder(cmd).redirectError(dir.resolve(name + ".err").toFile()).start();
    }

    /**
     * Two processes and a thread of this JVM append while history reads the log again and again:
     * every read sees whole routes only (nothing skipped, no line cut short), and never fewer than before.
     */
    @Test
    @Timeout(60)
    void checksAppendingWhileHistoryReadsNeverShowHalfARoute() throws Exception {
        Path log = dir.resolve("evidence.jsonl");
        Files.createFile(log);
        int routes = 300;
        List<Process> children = new ArrayList<>();
        for (String name : List.of("p0", "p1")) {
            Process c = appender(dir, name, log, routes);
            children.add(c);
            assertThat(new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8)).readLine())
                    .isEqualTo("ready");
        }
        for (Process c : children) {
            c.getOutputStream().write('\n');
            c.getOutputStream().flush();
        }
        Thread local = new Thread(() -> EvidenceLogAppender.append(log, "local", routes));
        local.start();

        int reads = 0;
        int seen = 0;
        boolean writing = true;
        while (writing) {
            writing = local.isAlive() || children.stream().anyMatch(Process::isAlive);
            EvidenceHistory h = EvidenceHistory.read(log, List.of());
            assertThat(h.skipped()).as("read %d", reads).isZero();
            assertThat(h.endsMidLine()).isFalse();
            assertThat(h.checks()).isGreaterThanOrEqualTo(seen);
            seen = h.checks();
            reads++;
        }
        local.join();
        for (Process c : children) {
            assertThat(c.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(c.exitValue()).isZero();
        }
        assertThat(seen).isEqualTo(3 * routes);
        assertThat(reads).isGreaterThan(1);
    }

    /**
     * A writer part way through a route (here another process holding the lock) is waited for:
     * the log is read up to where that writer's route ends, never to the middle of it.
     */
    @Test
    @Timeout(30)
    void aWriterHoldingTheLogIsWaitedForSoItsRouteIsReadWhole() throws Exception {
        Path log = dir.resolve("evidence.jsonl");
        append(log, "run-1", Results.promote("a", RequestFamily.CHAT, null));
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EvidenceLogAppender.class.getName(), log.toString(), "--hold");
        Process holder = new ProcessBuilder(cmd).redirectError(dir.resolve("holder.err").toFile()).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(said.readLine()).isEqualTo("locked true");

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.atomic.AtomicReference<Thread> reader = new java.util.concurrent.atomic.AtomicReference<>();
            java.util.concurrent.Future<EvidenceHistory> read = pool.submit(() -> {
                reader.set(Thread.currentThread());
                return EvidenceHistory.read(log, List.of());
            });
            while (!read.isDone() && !inFileLock(reader.get())) {
                Thread.onSpinWait();
            }
            assertThat(read).as("the reader waits for the writer's lock").isNotDone();

            holder.getOutputStream().write('\n');
            holder.getOutputStream().flush();
            EvidenceHistory h = read.get(10, TimeUnit.SECONDS);
            assertThat(h.checks()).isEqualTo(1);
            assertThat(h.skipped()).as("the holder's line, written before it let go, was read").isEqualTo(1);
        } finally {
            pool.shutdownNow();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean inFileLock(Thread t) {
        return t != null && java.util.Arrays.stream(t.getStackTrace())
                .anyMatch(f -> f.getMethodName().equals("lock") && f.getClassName().equals("sun.nio.ch.FileChannelImpl"));
    }
}
