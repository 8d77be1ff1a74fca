package dev.rollforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up archive (bin/rollforward): a static AppCDS archive on JDK 17-24, an AOT cache
 * on JDK 25+, kept in $XDG_CACHE_HOME/rollforward. Whatever state the cache is in, a check prints
 * the same records, the same stderr and exits with the same code as with ROLLFORWARD_NO_CDS=1.
 *
 * <p>Runs in the verify phase (failsafe), after the jar is packaged. Each JDK gets a private copy
 * of the launcher and the jar (no pom.xml next to it, so the launcher never builds), so that the
 * jar can be "rebuilt" (touched) without disturbing anyone, and a build running meanwhile in the
 * same tree cannot change the jar under the test. The two JDKs run side by side (most of the
 * time goes to the background training runs; failsafe enables JUnit's parallel execution).
 */
@Execution(ExecutionMode.CONCURRENT)
class LauncherIT {

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path JDK17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    // route_digest covers base_url, and the demo's sandbox gets a new free port each run;
    // correlation_id starts with the check id.
    private static final List<String> VOLATILE = List.of("started_at", "duration_ms", "check_id", "upstream_request_id",
            "route_digest", "correlation_id");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** JDK 17-24 (AppCDS): the Debian JDK 17 when installed, else the JDK running the tests if it is one. */
    @Test
    void appCdsArchiveOnJdk17() throws Exception {
        Path jdk = Files.isExecutable(JDK17.resolve("bin/java")) ? JDK17 : currentJdk();
        assumeTrue(feature(jdk) >= 17 && feature(jdk) < 25, "no JDK 17-24 here");
        archiveLifecycle(jdk, "jsa");
    }

    /** JDK 25+ (AOT cache): Temurin 25 when installed, else the JDK running the tests if it is one. */
    @Test
    void aotCacheOnJdk25() throws Exception {
        Path jdk = Files.isExecutable(JDK25.resolve("bin/java")) ? JDK25 : currentJdk();
        assumeTrue(feature(jdk) >= 25, "no JDK 25+ here");
        archiveLifecycle(jdk, "aot");
    }

    private void archiveLifecycle(Path jdk, String ext) throws Exception {
        long start = System.nanoTime();
        Path home = privateCheckout();
        Path cache = tmp.resolve("cache");
        Path archives = cache.resolve("rollforward");

        // Reference: no archive at all.
        Run plain = run(home, jdk, cache, Map.of("ROLLFORWARD_NO_CDS", "1"), null);
        assertThat(plain.code).as("demo exit code").isZero();
        assertThat(plain.records).hasSize(18); // the demo: three families, plain and streaming, two attempts and a verdict each
        assertThat(archives).as("ROLLFORWARD_NO_CDS=1 makes no archive").doesNotExist();

        // (a) The first run goes ahead without one and has one made; the next run uses it.
        Run first = run(home, jdk, cache, Map.of(), null);
        assertSame(plain, first);
        Path archive = archiveMadeInBackground(home, archives, ext, null);
        Run warm = run(home, jdk, cache, Map.of(), tmp.resolve("warm.log"));
        assertSame(plain, warm);
        assertThat(loadedFromArchive(tmp.resolve("warm.log"))).as("the archive is used").isTrue();
        // picocli's released class files are Java 5 ones, which a JDK 25 AOT cache leaves out; the
        // build compiles picocli for Java 17 so that the archive holds it too (pom.xml, compile-picocli).
        assertThat(loadedFromArchive(tmp.resolve("warm.log"), "picocli.CommandLine")).as("picocli is in the archive").isTrue();
        // The demo reads its routes through the config loader, so the archive holds a check's YAML path too.
        assertThat(loadedFromArchive(tmp.resolve("warm.log"), "org.yaml.snakeyaml.parser.ParserImpl")).as("YAML in the archive").isTrue();

        // (b) A rebuilt jar: the old archive is not used, a new one replaces it.
        Path jar = home.resolve("target/rollforward.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Run rebuilt = run(home, jdk, cache, Map.of(), tmp.resolve("rebuilt.log"));
        assertSame(plain, rebuilt);
        assertThat(loadedFromArchive(tmp.resolve("rebuilt.log"))).as("a stale archive is not used").isFalse();
        Path fresh = archiveMadeInBackground(home, archives, ext, archive);
        assertThat(archive).as("the stale archive is deleted").doesNotExist();

        // (c) Damaged archives under the right name, while a training run holds the lock (so
        // none starts). The JVMs check only an archive's header: given damage past it, JDK 17 and
        // 25 crash (SIGSEGV), given a truncated archive JDK 17 does (SIGBUS), -Xshare:auto or not.
        // The launcher's cksum catches any damage: the check runs as without an archive, and the
        // damaged file is deleted.
        byte[] good = Files.readAllBytes(fresh);
        String name = fresh.getFileName().toString();
        Path lock = archives.resolve("." + name.substring(0, name.indexOf('.')) + ".lock");
        Files.createDirectory(lock);
        byte[] garbage = randomBytes(good.length);
        System.arraycopy(good, 0, garbage, 0, 16);
        byte[] pastHeader = good.clone();
        for (int at = 64 * 1024; at + 64 <= pastHeader.length; at += 64 * 1024) {
            System.arraycopy(randomBytes(64), 0, pastHeader, at, 64);
        }
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        damaged.put("damaged past the header", pastHeader);
        damaged.put("garbage", garbage);
        damaged.put("truncated", Arrays.copyOf(good, good.length / 2));
        damaged.put("short garbage", randomBytes(64 * 1024));
        for (Map.Entry<String, byte[]> d : damaged.entrySet()) {
            Files.write(fresh, d.getValue());
            Path log = tmp.resolve(d.getKey().replace(' ', '-') + ".log");
            Run run = run(home, jdk, cache, Map.of(), log);
            assertSame(plain, run);
            assertThat(loadedFromArchive(log)).as(d.getKey()).isFalse();
            assertThat(fresh).as("the damaged archive is deleted: %s", d.getKey()).doesNotExist();
        }
        awaitLauncherIdle(home);
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("no second training run")
                    .containsExactly(lock.getFileName().toString());
        }
        Files.delete(lock);
        if (ext.equals("jsa")) {
            // Made again by the next run (the same code on every JDK: checked where it is quick).
            run(home, jdk, cache, Map.of(), null);
            archiveMadeInBackground(home, archives, ext, null);
            Run healed = run(home, jdk, cache, Map.of(), tmp.resolve("healed.log"));
            assertSame(plain, healed);
            assertThat(loadedFromArchive(tmp.resolve("healed.log"))).as("the remade archive is used").isTrue();
        }

        // (d) A cache folder that cannot be made (XDG_CACHE_HOME under a regular file; chmod does
        // not stop root): the check runs, without an archive, and says nothing about it.
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Run unwritable = run(home, jdk, file.resolve("cache"), Map.of(), tmp.resolve("unwritable.log"));
        assertSame(plain, unwritable);
        assertThat(loadedFromArchive(tmp.resolve("unwritable.log"))).isFalse();
        assertThat(Files.readString(file)).isEqualTo("not a folder");

        awaitLauncherIdle(home);
        System.err.printf("%s: %d s%n", jdk, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private record Run(int code, List<String> records, String stderr) {
    }

    private Path privateCheckout() throws IOException {
        Path home = tmp.resolve("checkout");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Path launcher = home.resolve("bin/rollforward");
        Files.copy(REPO.resolve("bin/rollforward"), launcher);
        launcher.toFile().setExecutable(true);
        Path jar = REPO.resolve("target/rollforward.jar");
        assertThat(jar).as("the jar is packaged before the verify phase").exists();
        Files.copy(jar, home.resolve("target/rollforward.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        return home;
    }

    /** bin/rollforward demo --quiet, with JAVA_HOME and XDG_CACHE_HOME set; classLog gets -Xlog:class+load. */
    private Run run(Path home, Path jdk, Path cache, Map<String, String> extraEnv, Path classLog) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/rollforward").toString(), "demo", "--quiet");
        Map<String, String> env = pb.environment();
        env.remove("ROLLFORWARD_NO_CDS");
        env.remove("ROLLFORWARD_JAVA_OPTS");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put("JAVA_HOME", jdk.toString());
        env.put("XDG_CACHE_HOME", cache.toString());
        env.putAll(extraEnv);
        if (classLog != null) {
            // -Xlog does not count in the archive's key, so this run sees the same archive.
            env.put("ROLLFORWARD_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        }
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();
        List<String> records = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            records.add(normalise(line));
        }
        records.sort(null); // the two routes run concurrently
        return new Run(p.exitValue(), records, Files.readString(err));
    }

    private static String normalise(String line) throws IOException {
        JsonNode node = JSON.readTree(line);
        assertThat(node.isObject()).as("a JSON record: %s", line).isTrue();
        ((ObjectNode) node).remove(VOLATILE);
        return JSON.writeValueAsString(node);
    }

    private static void assertSame(Run expected, Run actual) {
        assertThat(actual.code).as("exit code").isEqualTo(expected.code);
        assertThat(actual.records).as("records").isEqualTo(expected.records);
        assertThat(actual.stderr).as("stderr (no JVM warning)").isEqualTo(expected.stderr);
    }

    /** Whether the app's main class came from a shared archive (CDS "top" layer or AOT cache). */
    private static boolean loadedFromArchive(Path classLog) throws IOException {
        return loadedFromArchive(classLog, "dev.rollforward.cli.Main");
    }

    private static boolean loadedFromArchive(Path classLog, String className) throws IOException {
        try (Stream<String> lines = Files.lines(classLog)) {
            return lines.filter(l -> l.contains(" " + className + " source: "))
                    .anyMatch(l -> l.contains("source: shared objects file"));
        }
    }

    /**
     * The archive the background training run made once it has ended: the one archive other than
     * {@code not}, and no failure marker.
     */
    private static Path archiveMadeInBackground(Path home, Path dir, String ext, Path not) throws Exception {
        awaitLauncherIdle(home);
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertThat(names).as("the training run failed").noneMatch(n -> n.endsWith(".failed"));
            List<String> made = names.stream()
                    .filter(n -> n.startsWith("rollforward-") && n.endsWith("." + ext))
                    .filter(n -> not == null || !n.equals(not.getFileName().toString()))
                    .toList();
            assertThat(made).as("one archive per checkout and JDK, made by the training run").hasSize(1);
            return dir.resolve(made.get(0));
        }
    }

    /**
     * Waits until no process runs anything of this checkout: the launcher forks its training run
     * (a subshell, then the JVMs it starts) before it execs the check, so once a run has ended
     * every training run it started is in the process table until it is over. A training run
     * must not outlive the test either: @TempDir is deleted next.
     */
    private static void awaitLauncherIdle(Path home) throws InterruptedException {
        assertThat(ProcessHandle.current().info().commandLine()).as("process command lines can be read").isPresent();
        String mark = home + "/";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        List<String> busy = checkoutProcesses(mark);
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            busy = checkoutProcesses(mark);
        }
        assertThat(busy).as("the launcher's background training runs end").isEmpty();
    }

    private static List<String> checkoutProcesses(String mark) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .filter(line -> line.contains(mark))
                    .toList();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static Path currentJdk() {
        return Path.of(System.getProperty("java.home"));
    }

    private static int feature(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.isReadable(release)) {
            return 0;
        }
        Map<String, String> props = new HashMap<>();
        for (String line : Files.readAllLines(release)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        String v = props.getOrDefault("JAVA_VERSION", "0");
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }
}
