package dev.rollforward.cli;

import dev.rollforward.check.Bodies;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Upstreams that echo keys, send huge or broken bodies: rollforward must not leak, crash,
 * hang past its deadline or send an extra request.
 */
class HostileUpstreamTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    /** Short bounds, so that a hostile upstream costs the test little. */
    private RouteConfig route(String baseUrl) {
        return RouteConfig.at(baseUrl).with("timeouts: {connect_ms: 1000, request_ms: 1500}")
                .with("retry: {max_retries: 1, base_delay_ms: 10, max_delay_ms: 10}");
    }

    private Path config() {
        return cli.write(route(server.url("/v1").toString()));
    }

    private void answer(Function<RecordedRequest, MockResponse> f) {
        server.setDispatcher(Upstream.answering(f));
    }

    private static String presentedKey(RecordedRequest r) {
        return r.getHeaders().get("Authorization").substring("Bearer ".length());
    }

    @Test
    void keysEchoedInBodyHeaderAndHtmlNeverLeakWithOrWithoutVerbose() throws Exception {
        answer(r -> {
            String key = presentedKey(r);
            boolean canary = key.equals(Cli.CANARY);
            return new MockResponse.Builder().code(canary ? 502 : 401)
                    .addHeader("Content-Type", canary ? "text/html" : "application/json")
                    .addHeader("X-Echo-Key", key)
                    .addHeader("x-request-id", key.substring(3, 20))
                    .body(canary ? "<html><body>Bad gateway for key " + key + "</body></html>"
                            : "{\"error\":{\"message\":\"Invalid key " + key + " (request id: 1)\",\"type\":\"invalid_request_error\","
                            + "\"code\":\"invalid_api_key\"}}")
                    .build();
        });
        Path cfg = config();
        Path evidence = cli.dir().resolve("e.jsonl");
        Path junit = cli.dir().resolve("j.xml");
        Path md = cli.dir().resolve("m.md");
        for (String option : new String[] {"--review-link=https://t.example.com/1", "--verbose"}) {
            assertThat(cli.run("check", "--config", cfg.toString(), option, "--evidence-log", evidence.toString(),
                    "--junit", junit.toString(), "--markdown", md.toString())).as(option).isEqualTo(1);
            String everything = cli.stdout + cli.stderr + Files.readString(evidence) + Files.readString(junit) + Files.readString(md);
            for (String key : new String[] {Cli.CANARY, Cli.DISABLED}) {
                assertThat(everything).doesNotContain(key).doesNotContain(key.substring(5, 13)).doesNotContain(key.substring(20));
            }
        }
        assertThat(cli.stderr).contains("http: Authorization: ").doesNotContain("    at ");
    }

    @Test
    void hugeBodyIsCappedNotBufferedAndHolds() throws Exception {
        AtomicLong written = new AtomicLong();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveHugeBodies(listener, written));
            t.setDaemon(true);
            t.start();
            Path cfg = cli.write(route("http://127.0.0.1:" + listener.getLocalPort() + "/v1"));
            int code = cli.run("check", "--config", cfg.toString());

            assertThat(code).isEqualTo(2);
            assertThat(cli.record(0).get("reasons").toString()).contains("body_too_large");
            // 256 MiB were offered per response; only about the 1 MiB cap (plus socket buffers) was taken.
            assertThat(written.get()).isLessThan(64L * 1024 * 1024);
        }
    }

    /** Answers every request with a 200 that claims 256 MiB of body, streamed until the client hangs up. */
    private static void serveHugeBodies(ServerSocket listener, AtomicLong written) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                int n = in.read(buf); // the request (small); only its Authorization matters
                OutputStream out = s.getOutputStream();
                if (!new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1).contains(Cli.CANARY)) {
                    out.write(("HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: "
                            + Bodies.NEW_API_401.length() + "\r\nConnection: close\r\n\r\n" + Bodies.NEW_API_401)
                            .getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (256L << 20)
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                for (long sent = 0; sent < (256L << 20); sent += chunk.length) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException e) {
                // the client hung up once it had enough: that is the point
            }
        }
    }

    @Test
    void resetMidBodyIsHoldWithReason() throws Exception {
        answer(r -> presentedKey(r).equals(Cli.CANARY)
                ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(Bodies.CHAT).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()
                : new MockResponse.Builder().code(401).body(Bodies.NEW_API_401).build());
        assertThat(cli.run("check", "--config", config().toString())).isEqualTo(2);
        // The headers are flushed before the connection is shut down (mockwebserver3): the answer started.
        assertThat(cli.record(0).get("http_status").asInt()).isEqualTo(200);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("body_incomplete");
    }

    @Test
    void slowBodyIsBoundedByRequestMs() throws Exception {
        answer(r -> presentedKey(r).equals(Cli.CANARY)
                ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(Bodies.CHAT).throttleBody(16, 1, java.util.concurrent.TimeUnit.SECONDS).build()
                : new MockResponse.Builder().code(401).body(Bodies.NEW_API_401).build());
        long t0 = System.nanoTime();
        assertThat(cli.run("check", "--config", config().toString())).isEqualTo(2);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2 * 1500 + 2000);
        assertThat(cli.record(0).get("reasons").toString()).contains("body_deadline_exceeded");
    }

    @Test
    void invalidUtf8AndJsonBombAndWrongContentTypeEachHoldWithAReason() throws Exception {
        byte[] badUtf8 = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[\"\u00ff\"]}".getBytes(StandardCharsets.ISO_8859_1);
        String bomb = "[".repeat(5000) + "]".repeat(5000);
        Map<String, String> reasons = Map.of("utf8", "not_json", "bomb", "json_too_deep", "ctype", "unexpected_content_type");
        answer(r -> {
            boolean canary = presentedKey(r).equals(Cli.CANARY);
            if (!canary) {
                return new MockResponse.Builder().code(401).body(Bodies.NEW_API_401).build();
            }
            String kind = r.getHeaders().get("X-Kind");
            MockResponse.Builder b = new MockResponse.Builder().code(200);
            switch (kind) {
                case "utf8": return b.addHeader("Content-Type", "application/json").body(new Buffer().write(badUtf8)).build();
                case "bomb": return b.addHeader("Content-Type", "application/json").body(bomb).build();
                default: return b.addHeader("Content-Type", "text/html; charset=utf-8").body(Bodies.CHAT).build();
            }
        });
        for (String kind : reasons.keySet()) {
            Path cfg = route(server.url("/v1").toString()).header("X-Kind", kind).writeTo(cli.dir().resolve(kind + ".yaml"));
            assertThat(cli.run("check", "--config", cfg.toString())).as(kind).isEqualTo(2);
            assertThat(Cli.reasons(cli.record(0))).as(kind).containsExactly(reasons.get(kind));
            assertThat(cli.stderr).as(kind).doesNotContain("Exception");
        }
    }
}
