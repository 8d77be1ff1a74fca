package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl-C or SIGTERM while an upstream keeps a check waiting: what is known is written (the
 * attempts not made: hold, interrupted), every report included, one line says so, exit 2.
 */
class InterruptTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** The canary request of {@code hanging} (null: of every route) waits until the test ends; the rest are healthy. */
    private void hang(String hanging) {
        Dispatcher healthy = Upstream.healthy();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                if (Upstream.canary(r) && (hanging == null || hanging.equals(r.getHeaders().get("X-Route-Label")))) {
                    arrived.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
                return healthy.dispatch(r);
            }
        });
    }

    @AfterEach
    void letTheUpstreamGo() {
        release.countDown();
    }

    @Test
    void aStoppedCheckWritesWhatItKnowsEveryReportIncludedAndHolds() throws Exception {
        hang(null);
        Path config = cli.write(RouteConfig.at(server).with("retry: {max_retries: 0}"));
        Path junit = cli.dir().resolve("reports/rollforward.xml");
        Path markdown = cli.dir().resolve("reports/rollforward.md");
        Path log = cli.dir().resolve("evidence.jsonl");

        CompletableFuture<Integer> exit = cli.start("check", "--config", config.toString(), "--junit", junit.toString(),
                "--markdown", markdown.toString(), "--evidence-log", log.toString());
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();

        cli.sendStop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        List<JsonNode> records = cli.records();
        assertThat(records).extracting(r -> r.get("fallback_decision").asText()).containsExactly("hold", "hold", "hold");
        assertThat(Cli.reasons(records.get(0))).containsExactly("interrupted");
        assertThat(Cli.reasons(records.get(1))).containsExactly("interrupted");
        assertThat(Cli.reasons(records.get(2))).containsExactly("happy-path:interrupted", "error-path:interrupted");
        assertThat(server.getRequestCount()).as("the error path is never sent").isEqualTo(1);
        assertThat(cli.stderrLinesWith("rollforward: interrupted")).containsExactly(
                "rollforward: interrupted: 0 of 2 attempts finished; the other 2 are recorded as hold (interrupted); exit 2");
        assertThat(Files.readString(junit)).contains("interrupted").contains("<error");
        assertThat(Files.readString(markdown)).contains("**Verdict:** interrupted before every attempt was made; hold: "
                + "do not roll forward yet; a person must look (exit 2)");
        assertThat(Files.readAllLines(log)).hasSize(3);
        assertThat(cli.stopListened()).as("nothing waits for a signal once the run is over").isFalse();
    }

    @Test
    void aRouteThatFinishedKeepsItsEvidenceAndTheHangingOneIsInterrupted() throws Exception {
        hang("r0");
        Path config = cli.write(RouteConfig.at(server).routes(2).labelHeader().with("retry: {max_retries: 0}"));
        cli.terminal = true;

        CompletableFuture<Integer> exit = cli.start("check", "--config", config.toString(), "--all");
        cli.awaitStderr("r1 (error-path)");
        cli.awaitStderr("\r\033[Kchecking 1 route: r0 (happy-path)"); // r1 is done, r0 hangs

        cli.sendStop();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(cli.records()).extracting(r -> r.get("route_label").asText() + " " + r.get("fallback_decision").asText()
                + " " + r.get("reasons")).containsExactly(
                "r0 hold [\"interrupted\"]", "r0 hold [\"interrupted\"]",
                "r0 hold [\"happy-path:interrupted\",\"error-path:interrupted\"]",
                "r1 promote []", "r1 promote []", "r1 promote []");
        assertThat(cli.stderr).contains("rollforward: interrupted: 2 of 4 attempts finished; the other 2 are recorded "
                + "as hold (interrupted); exit 2\n");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aCheckThatEndsOnItsOwnStopsListening() {
        server.setDispatcher(Upstream.healthy());
        assertThat(cli.run("check", "--config", cli.write(RouteConfig.at(server)).toString())).isZero();
        assertThat(cli.stopListened()).isFalse();
    }
}
