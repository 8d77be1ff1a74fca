package dev.rollforward.cli;

import dev.rollforward.check.Bodies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --all and repeated --route: bounded concurrency, attempts in order, verdicts in config order. */
class ManyRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final CliHarness cli = new CliHarness();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> arrivals = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        server.close();
    }

    /** A slow upstream that notes how many requests it holds at once, and in which order they came. */
    private void slowUpstream(long delayMs) throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                boolean canary = ("Bearer " + CliHarness.CANARY).equals(r.getHeaders().get("Authorization"));
                arrivals.add(r.getHeaders().get("X-Route-Label") + (canary ? ":happy" : ":error"));
                Thread.sleep(delayMs);
                inFlight.decrementAndGet();
                return new MockResponse.Builder().code(canary ? 200 : 401).addHeader("Content-Type", "application/json")
                        .body(canary ? Bodies.CHAT : Bodies.NEW_API_401).build();
            }
        });
        server.start();
    }

    private Path config(int routes) throws Exception {
        StringBuilder sb = new StringBuilder("routes:\n");
        for (int i = 0; i < routes; i++) {
            sb.append("  - label: r").append(i).append('\n')
                    .append("    base_url: ").append(server.url("/v1")).append('\n')
                    .append("    request_family: chat\n    model: gpt-4o-mini\n")
                    .append("    credential_env: TEST_CANARY_KEY\n    disabled_credential_env: TEST_DISABLED_KEY\n")
                    .append("    headers: {X-Route-Label: r").append(i).append("}\n");
        }
        Path p = dir.resolve("many.yaml");
        Files.writeString(p, sb.toString());
        return p;
    }

    @Test
    void allRoutesRunAtMostConcurrencyAtOnceWithAttemptsInOrder() throws Exception {
        slowUpstream(150);
        int code = cli.run("check", "--config", config(12).toString(), "--all", "--concurrency", "4");

        assertThat(code).isZero();
        assertThat(server.getRequestCount()).isEqualTo(24);
        assertThat(maxInFlight.get()).isEqualTo(4);
        for (int i = 0; i < 12; i++) {
            assertThat(arrivals.indexOf("r" + i + ":happy")).isLessThan(arrivals.indexOf("r" + i + ":error"));
        }
        List<String> verdictOrder = new ArrayList<>();
        for (String line : cli.stdoutLines()) {
            JsonNode r = JSON.readTree(line); // every line is one whole record
            if (r.get("record").asText().equals("verdict")) {
                verdictOrder.add(r.get("route_label").asText());
            }
        }
        assertThat(verdictOrder).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11");
        assertThat(cli.stdoutLines()).hasSize(36);
        assertThat(cli.stderr).contains("12 routes checked: 12 promote, 0 stay, 0 hold");
    }

    @Test
    void concurrencyOneIsStrictlySequential() throws Exception {
        slowUpstream(10);
        assertThat(cli.run("check", "--config", config(3).toString(), "--all", "--concurrency", "1")).isZero();
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(arrivals).containsExactly("r0:happy", "r0:error", "r1:happy", "r1:error", "r2:happy", "r2:error");
    }

    @Test
    void repeatedRouteChecksOnlyThoseInConfigOrder() throws Exception {
        slowUpstream(10);
        assertThat(cli.run("check", "--config", config(5).toString(), "--route", "r3", "--route", "r1")).isZero();
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(cli.stdoutLines()).hasSize(6);
        assertThat(JSON.readTree(cli.stdoutLines().get(0)).get("route_label").asText()).isEqualTo("r1");
    }

    @Test
    void severalRoutesWithoutRouteOrAllIsUsageErrorListingLabels() throws Exception {
        slowUpstream(10);
        assertThat(cli.run("check", "--config", config(3).toString())).isEqualTo(64);
        assertThat(cli.stderr).contains("r0, r1, r2").contains("--all");
        assertThat(server.getRequestCount()).isZero();
    }
}
