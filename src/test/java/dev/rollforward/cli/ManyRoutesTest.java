package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** --all and repeated --route: bounded concurrency, attempts in order, verdicts in config order. */
class ManyRoutesTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final List<String> barrierFailures = Collections.synchronizedList(new ArrayList<>());

    /**
     * A healthy upstream that notes how many requests it holds at once and in which order they came.
     * With a barrier, each request is held until {@code parties} requests are held together: the run
     * gets through only if it keeps exactly that many in flight, wave after wave.
     */
    private void upstream(CyclicBarrier barrier) {
        Dispatcher healthy = Upstream.healthy();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                arrivals.add(r.getHeaders().get("X-Route-Label") + (Upstream.canary(r) ? ":happy" : ":error"));
                try {
                    if (barrier != null) {
                        // The timeout only ends a run that went wrong; it proves nothing.
                        barrier.await(10, TimeUnit.SECONDS);
                    }
                    return healthy.dispatch(r);
                } catch (BrokenBarrierException | TimeoutException e) {
                    barrierFailures.add(r.getHeaders().get("X-Route-Label") + ": " + e);
                    return new MockResponse.Builder().code(500).build();
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        });
    }

    private Path config(int routes) {
        return RouteConfig.at(server).routes(routes).labelHeader().writeTo(cli.dir().resolve("many.yaml"));
    }

    @Test
    void allRoutesRunExactlyConcurrencyAtOnceWithAttemptsInOrder() {
        upstream(new CyclicBarrier(4));
        int code = cli.run("check", "--config", config(12).toString(), "--all", "--concurrency", "4");

        assertThat(barrierFailures).isEmpty();
        assertThat(code).isZero();
        assertThat(server.getRequestCount()).isEqualTo(24);
        assertThat(maxInFlight.get()).isEqualTo(4);
        for (int i = 0; i < 12; i++) {
            assertThat(arrivals).containsOnlyOnce("r" + i + ":happy", "r" + i + ":error");
            assertThat(arrivals.indexOf("r" + i + ":happy")).isLessThan(arrivals.indexOf("r" + i + ":error"));
        }
        List<String> verdictOrder = new ArrayList<>();
        for (JsonNode r : cli.records()) { // every line is one whole record
            if (r.get("record").asText().equals("verdict")) {
                verdictOrder.add(r.get("route_label").asText());
            }
        }
        assertThat(verdictOrder).containsExactly("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11");
        assertThat(cli.stdoutLines()).hasSize(36);
        assertThat(cli.stderr).contains("12 routes checked: 12 promote, 0 stay, 0 hold");
    }

    @Test
    void concurrencyOneIsStrictlySequential() {
        upstream(null);
        assertThat(cli.run("check", "--config", config(3).toString(), "--all", "--concurrency", "1")).isZero();
        assertThat(maxInFlight.get()).isEqualTo(1);
        assertThat(arrivals).containsExactly("r0:happy", "r0:error", "r1:happy", "r1:error", "r2:happy", "r2:error");
    }

    @Test
    void repeatedRouteChecksOnlyThoseInConfigOrder() {
        upstream(null);
        assertThat(cli.run("check", "--config", config(5).toString(), "--route", "r3", "--route", "r1")).isZero();
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(cli.stdoutLines()).hasSize(6);
        assertThat(cli.records()).filteredOn(r -> r.get("record").asText().equals("verdict"))
                .extracting(r -> r.get("route_label").asText()).containsExactly("r1", "r3");
    }

    @Test
    void severalRoutesWithoutRouteOrAllIsUsageErrorListingLabels() {
        upstream(null);
        Path config = config(3);
        assertThat(cli.run("check", "--config", config.toString())).isEqualTo(64);
        assertThat(cli.stderr.lines()).containsExactly("rollforward: " + config
                + " has 3 routes (r0, r1, r2); name one with --route LABEL, or check them all with --all");
        assertThat(server.getRequestCount()).isZero();
    }
}
