package dev.rollforward.cli;

import dev.rollforward.check.Bodies;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** --evidence-log, --junit, --markdown and $GITHUB_STEP_SUMMARY through the real command. */
class OutputsEndToEndTest {

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final CliHarness cli = new CliHarness();
    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        server.start();
        config = dir.resolve("routes.yaml");
        Files.writeString(config, "routes:\n  - label: primary\n    base_url: " + server.url("/v1")
                + "\n    request_family: chat\n    model: gpt-4o-mini\n    credential_env: TEST_CANARY_KEY\n"
                + "    disabled_credential_env: TEST_DISABLED_KEY\n    retry: {max_retries: 0}\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void upstream(int happyStatus, String happyBody) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                boolean canary = ("Bearer " + CliHarness.CANARY).equals(r.getHeaders().get("Authorization"));
                return new MockResponse.Builder().code(canary ? happyStatus : 401)
                        .body(canary ? happyBody : Bodies.NEW_API_401).build();
            }
        });
    }

    @Test
    void evidenceLogAppendsTheStdoutRecordsAcrossRuns() throws Exception {
        upstream(200, Bodies.CHAT);
        Path log = dir.resolve("evidence/nested/log.jsonl");
        cli.run("check", "--config", config.toString(), "--evidence-log", log.toString());
        String first = cli.stdout;
        cli.run("check", "--config", config.toString(), "--evidence-log", log.toString());

        assertThat(Files.readString(log)).isEqualTo(first + cli.stdout);
        assertThat(Files.readAllLines(log)).hasSize(6);
    }

    @Test
    void holdRunWritesJUnitErrorAndMarkdownVerdictAndStepSummary() throws Exception {
        upstream(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        Path junit = dir.resolve("reports/rollforward.xml");
        Path md = dir.resolve("reports/rollforward.md");
        Path summary = dir.resolve("step-summary.md");
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
        assertThat(markdown).doesNotContain(CliHarness.CANARY).doesNotContain(CliHarness.DISABLED);
        assertThat(Files.readString(summary)).isEqualTo(markdown);
    }

    @Test
    void unwritableOutputExits70NamingThePathAndSendsNothing() throws Exception {
        upstream(200, Bodies.CHAT);
        Path blocker = dir.resolve("not-a-folder");
        Files.writeString(blocker, "x");
        int code = cli.run("check", "--config", config.toString(), "--evidence-log", blocker.resolve("log.jsonl").toString());

        assertThat(code).isEqualTo(70);
        assertThat(cli.stderr).contains("not-a-folder").doesNotContain("\tat ");
        assertThat(server.getRequestCount()).isZero();
    }
}
