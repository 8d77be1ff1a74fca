package dev.rollforward.cli;

import static dev.rollforward.cli.Upstream.canary;
import static dev.rollforward.cli.Upstream.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.Bodies;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;

/** --evidence-log, --junit, --markdown and $GITHUB_STEP_SUMMARY through the real command. */
class OutputsEndToEndTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    private Path config;

    @BeforeEach
    void writeConfig() {
        config = cli.write(RouteConfig.at(server).with("retry: {max_retries: 0}"));
    }

    @Test
    void evidenceLogAppendsTheStdoutRecordsAcrossRuns() throws Exception {
        server.setDispatcher(Upstream.healthy());
        Path log = cli.dir().resolve("evidence/nested/log.jsonl");
        assertThat(cli.run("check", "--config", config.toString(), "--evidence-log", log.toString())).isZero();
        String first = cli.stdout;
        assertThat(cli.run("check", "--config", config.toString(), "--evidence-log", log.toString())).isZero();

        assertThat(Files.readString(log)).isEqualTo(first + cli.stdout);
        assertThat(Files.readAllLines(log)).hasSize(6);
    }

    @Test
    void holdRunWritesJUnitErrorAndMarkdownVerdictAndStepSummary() throws Exception {
        server.setDispatcher(Upstream.answering(r -> canary(r)
                ? json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
                : json(401, Bodies.NEW_API_401)));
        Path junit = cli.dir().resolve("reports/rollforward.xml");
        Path md = cli.dir().resolve("reports/rollforward.md");
        Path summary = cli.dir().resolve("step-summary.md");
        cli.env.put("GITHUB_STEP_SUMMARY", summary.toString());
        int code = cli.run("check", "--config", config.toString(), "--junit", junit.toString(), "--markdown", md.toString(),
                "--check-id", "chk-7");

        assertThat(code).isEqualTo(2);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("2");
        assertThat(xml.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(xml.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("primary / chat / happy-path");
        String markdown = Files.readString(md);
        assertThat(markdown).contains("chk-7").contains("hold").contains("do not roll forward").contains("rollforward check --config");
        assertThat(markdown).doesNotContain(Cli.CANARY).doesNotContain(Cli.DISABLED);
        assertThat(Files.readString(summary)).isEqualTo(markdown);
    }

    @Test
    void aBlankStepSummaryVariableWritesNoSummary() {
        server.setDispatcher(Upstream.healthy());
        cli.env.put("GITHUB_STEP_SUMMARY", " ");
        assertThat(cli.run("check", "--config", config.toString())).isZero();
        assertThat(Path.of(" ")).as("where a blank variable would have put it").doesNotExist();
    }

    @Test
    void unwritableOutputExits70NamingThePathAndSendsNothing() throws Exception {
        server.setDispatcher(Upstream.healthy());
        Path blocker = cli.dir().resolve("not-a-folder");
        Files.writeString(blocker, "x");
        Path log = blocker.resolve("log.jsonl");
        int code = cli.run("check", "--config", config.toString(), "--evidence-log", log.toString());

        assertThat(code).isEqualTo(70);
        assertThat(cli.stderr.lines()).last().asString().startsWith("rollforward: cannot write evidence log " + log + ": ");
        assertThat(cli.stderr).doesNotContain("    at ");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void recordsLostOnStdoutExit70AfterEveryOtherOutputIsWritten() throws Exception {
        server.setDispatcher(Upstream.healthy());
        Path log = cli.dir().resolve("log.jsonl");
        Path junit = cli.dir().resolve("report.xml");
        cli.stdoutFails = true;

        int code = cli.run("check", "--config", config.toString(), "--evidence-log", log.toString(), "--junit", junit.toString());

        assertThat(code).isEqualTo(70);
        assertThat(cli.stderr.lines()).last().isEqualTo("rollforward: cannot write to stdout (a closed pipe or a full "
                + "disk): what this run printed there is incomplete; the other outputs were written");
        assertThat(Files.readAllLines(log)).hasSize(3);
        assertThat(junit).exists();
    }

    @Test
    void aPlanLostOnStdoutExits70Too() {
        cli.stdoutFails = true;
        assertThat(cli.run("plan", "--config", config.toString())).isEqualTo(70);
        assertThat(cli.stderr).contains("rollforward: cannot write to stdout");
    }

    @ParameterizedTest
    @CsvSource({
            "--junit, evidence.jsonl, ./evidence.jsonl",
            "--markdown, evidence.jsonl, sub/../evidence.jsonl",
    })
    void aReportNamingTheEvidenceLogIsAUsageErrorBeforeAnythingIsSent(String option, String log, String report)
            throws Exception {
        server.setDispatcher(Upstream.healthy());
        Path evidence = cli.dir().resolve(log);
        Files.createDirectories(cli.dir().resolve("sub"));
        Files.writeString(evidence, "{\"kept\":true}\n");

        int code = cli.run("check", "--config", config.toString(), "--evidence-log", evidence.toString(),
                option, cli.dir().resolve(report).toString());

        assertThat(code).isEqualTo(64);
        assertThat(cli.stderr.lines()).last().asString().startsWith("rollforward: --evidence-log and " + option
                + " name the same file (").endsWith("): one would overwrite the other, and the evidence would be lost; "
                + "give each its own file");
        assertThat(Files.readString(evidence)).isEqualTo("{\"kept\":true}\n");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aSymlinkToTheJUnitReportIsTheSameFile() throws Exception {
        Path junit = cli.dir().resolve("report.xml");
        Files.writeString(junit, "<old/>");
        Path link = Files.createSymbolicLink(cli.dir().resolve("link.md"), junit);

        assertThat(cli.run("check", "--config", config.toString(), "--junit", junit.toString(), "--markdown", link.toString()))
                .isEqualTo(64);
        assertThat(cli.stderr).contains("rollforward: --junit and --markdown name the same file (" + link + ")");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theMarkdownNamingTheStepSummaryIsAUsageError() {
        Path summary = cli.dir().resolve("summary.md");
        cli.env.put("GITHUB_STEP_SUMMARY", summary.toString());

        assertThat(cli.run("check", "--config", config.toString(), "--markdown", summary.toString())).isEqualTo(64);
        assertThat(cli.stderr).contains("rollforward: --markdown and $GITHUB_STEP_SUMMARY name the same file");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aStepSummaryWhoseFolderIsMissingIsSkippedWithAWarningAndTheVerdictStands() {
        server.setDispatcher(Upstream.healthy());
        Path summary = cli.dir().resolve("no-such-folder/step_summary");
        cli.env.put("GITHUB_STEP_SUMMARY", summary.toString());

        assertThat(cli.run("check", "--config", config.toString(), "--quiet")).isZero();
        assertThat(cli.stderr).isEqualTo("warning: $GITHUB_STEP_SUMMARY names " + summary + ", but its folder "
                + summary.getParent() + " does not exist; no step summary is written (the exit code is not affected)\n");
        assertThat(summary.getParent()).doesNotExist();
        assertThat(cli.records()).hasSize(3);
    }
}
