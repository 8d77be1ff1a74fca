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
        assertThat(cli.stderr).doesNotContain("\tat ");
        assertThat(server.getRequestCount()).isZero();
    }
}
