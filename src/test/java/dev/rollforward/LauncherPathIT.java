package dev.rollforward;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/rollforward linked into a folder on the PATH, as the README sets it up: it runs the checkout's
 * jar from any folder (it never tries to build where the link is), and the commands it prints work
 * when pasted there. Runs in the verify phase (failsafe), on a private copy of the launcher and jar.
 */
class LauncherPathIT {

    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    /** A checkout with the launcher, the jar and the sandbox config; no pom.xml, so the launcher never builds. */
    private Path checkout() throws IOException {
        Path home = tmp.resolve("checkout");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(REPO.resolve("bin/rollforward"), home.resolve("bin/rollforward"));
        home.resolve("bin/rollforward").toFile().setExecutable(true);
        Files.copy(REPO.resolve("target/rollforward.jar"), home.resolve("target/rollforward.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(REPO.resolve("config/sandbox.yaml"), home.resolve("config/sandbox.yaml"));
        return home;
    }

    /** ~/.local/bin/rollforward → a link elsewhere → the checkout's launcher, the last one relative. */
    private Path linkOnPath(Path home) throws IOException {
        Path links = Files.createDirectories(tmp.resolve("links"));
        Files.createSymbolicLink(links.resolve("rf"), links.relativize(home.resolve("bin/rollforward")));
        Path onPath = Files.createDirectories(tmp.resolve("home/.local/bin"));
        return Files.createSymbolicLink(onPath.resolve("rollforward"), links.resolve("rf"));
    }

    private ProcessBuilder shell(String command, Path pathFolder) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(Files.createDirectories(tmp.resolve("elsewhere")).toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", (pathFolder == null ? "" : pathFolder + ":") + env.get("PATH"));
        env.put("ROLLFORWARD_NO_CDS", "1");
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        env.remove("ROLLFORWARD_JAVA_OPTS");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    private record Run(int code, String stdout, String stderr) {
    }

    private Run run(String command, Path pathFolder) throws Exception {
        ProcessBuilder pb = shell(command, pathFolder);
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s ends", command).isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aLinkOnThePathRunsTheCheckoutsJarAndItsHintsNameIt() throws Exception {
        Path link = linkOnPath(checkout());

        Run version = run("rollforward --version", link.getParent());
        assertThat(version.code).as(version.stderr).isZero();
        assertThat(version.stdout).startsWith("rollforward ");
        assertThat(version.stderr).isEmpty();

        Run typo = run("rollforward check --colour", link.getParent());
        assertThat(typo.code).isEqualTo(64);
        assertThat(typo.stderr).endsWith("Try 'rollforward check --help' for the options.\n");

        // Through the same link by its path, not on the PATH: the hint names that path.
        Run byPath = run(link + " check --colour", null);
        assertThat(byPath.code).isEqualTo(64);
        assertThat(byPath.stderr).endsWith("Try '" + link + " check --help' for the options.\n");
    }

    /** The sandbox's try: lines, pasted from another folder: they find the config and check that sandbox. */
    @Test
    void theSandboxsTryLinesWorkWhenPastedFromAnotherFolder() throws Exception {
        Path home = checkout();
        Path link = linkOnPath(home);
        Process sandbox = shell("exec rollforward sandbox --port 0", link.getParent())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> lines = new ArrayList<>();
            BufferedReader err = new BufferedReader(new InputStreamReader(sandbox.getErrorStream(), StandardCharsets.UTF_8));
            for (String line = err.readLine(); line != null && !line.contains("stop with Ctrl-C"); line = err.readLine()) {
                lines.add(line);
            }
            String export = lines.stream().filter(l -> l.contains("try:")).findFirst().orElseThrow().replaceFirst(".*try:", "");
            String check = lines.get(lines.size() - 1).strip();
            assertThat(check).matches("rollforward check --config " + home + "/config/sandbox.yaml --route sandbox-chat "
                    + "--base-url http://127.0.0.1:\\d+/v1");

            Run pasted = run(export.strip() + "\n" + check, link.getParent());
            assertThat(pasted.code).as(pasted.stderr).isZero();
            assertThat(pasted.stdout.lines()).hasSize(3);
            assertThat(pasted.stderr).contains("warning: --base-url: every route of " + home + "/config/sandbox.yaml goes to");
        } finally {
            sandbox.destroy();
            assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(sandbox.exitValue()).as("the sandbox stopped by SIGTERM").isZero();
    }
}
