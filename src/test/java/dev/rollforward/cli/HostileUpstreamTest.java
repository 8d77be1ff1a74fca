package dev.rollforward.cli;

import dev.rollforward.check.Bodies;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upstreams that echo keys, send huge or broken bodies: rollforward must not leak, crash,
 * hang past its deadline or send an extra request.
 */
class HostileUpstreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();
    private final CliHarness cli = new CliHarness();

    @AfterEach
    void stop() {
        server.close();
    }

    private Path config(String baseUrl) throws IOException {
        Path p = dir.resolve("routes.yaml");
        Files.writeString(p, "routes:\n  - label: primary\n    base_url: " + baseUrl
                + "\n    request_family: chat\n    model: gpt-4o-mini\n    credential_env: TEST_CANARY_KEY\n"
                + "    disabled_credential_env: TEST_DISABLED_KEY\n    timeouts: {connect_ms: 1000, request_ms: 1500}\n"
                + "    retry: {max_retries: 1, base_delay_ms: 10, max_delay_ms: 10}\n");
        return p;
    }

    private void answer(Function<RecordedRequest, MockResponse> f) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                return f.apply(r);
            }
        });
        server.start();
    }

    private static String presentedKey(RecordedRequest r) {
        return r.getHeaders().get("Authorization").substring("Bearer ".length());
    }

    private JsonNode happyRecord() throws IOException {
        return JSON.readTree(cli.stdoutLines().get(0));
    }

    @Test
    void keysEchoedInBodyHeaderAndHtmlNeverLeakWithOrWithoutVerbose() throws Exception {
        answer(r -> {
            String key = presentedKey(r);
            boolean canary = key.equals(CliHarness.CANARY);
            return new MockResponse.Builder().code(canary ? 502 : 401)
                    .addHeader("Content-Type", canary ? "text/html" : "application/json")
                    .addHeader("X-Echo-Key", key)
                    .addHeader("x-request-id", key.substring(3, 20))
                    .body(canary ? "<html><body>Bad gateway for key " + key + "</body></html>"
                            : "{\"error\":{\"message\":\"Invalid key " + key + " (request id: 1)\",\"type\":\"invalid_request_error\","
                            + "\"code\":\"invalid_api_key\"}}")
                    .build();
        });
        Path cfg = config(server.url("/v1").toString());
        Path evidence = dir.resolve("e.jsonl");
        Path junit = dir.resolve("j.xml");
        Path md = dir.resolve("m.md");
        for (String verbose : new String[] {"--review-link=https://t.example.com/1", "--verbose"}) {
            cli.run("check", "--config", cfg.toString(), verbose, "--evidence-log", evidence.toString(),
                    "--junit", junit.toString(), "--markdown", md.toString());
            String everything = cli.stdout + cli.stderr + Files.readString(evidence) + Files.readString(junit) + Files.readString(md);
            for (String key : new String[] {CliHarness.CANARY, CliHarness.DISABLED}) {
                assertThat(everything).doesNotContain(key).doesNotContain(key.substring(5, 13)).doesNotContain(key.substring(20));
            }
        }
        assertThat(cli.stderr).contains("http: Authorization: ").doesNotContain("\tat ");
    }

    @Test
    void hugeBodyIsCappedNotBufferedAndHolds() throws Exception {
        AtomicLong written = new AtomicLong();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveHugeBodies(listener, written));
            t.setDaemon(true);
            t.start();
            int code = cli.run("check", "--config", config("http://127.0.0.1:" + listener.getLocalPort() + "/v1").toString());

            assertThat(code).isEqualTo(2);
            assertThat(happyRecord().get("reasons").toString()).contains("body_too_large");
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
                if (!new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1).contains(CliHarness.CANARY)) {
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
        answer(r -> presentedKey(r).equals(CliHarness.CANARY)
                ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(Bodies.CHAT).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build()
                : new MockResponse.Builder().code(401).body(Bodies.NEW_API_401).build());
        assertThat(cli.run("check", "--config", config(server.url("/v1").toString()).toString())).isEqualTo(2);
        assertThat(happyRecord().get("reasons").toString()).containsAnyOf("body_incomplete", "no_response");
    }

    @Test
    void slowBodyIsBoundedByRequestMs() throws Exception {
        answer(r -> presentedKey(r).equals(CliHarness.CANARY)
                ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(Bodies.CHAT).throttleBody(16, 1, java.util.concurrent.TimeUnit.SECONDS).build()
                : new MockResponse.Builder().code(401).body(Bodies.NEW_API_401).build());
        long t0 = System.nanoTime();
        assertThat(cli.run("check", "--config", config(server.url("/v1").toString()).toString())).isEqualTo(2);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2 * 1500 + 2000);
        assertThat(happyRecord().get("reasons").toString()).contains("body_deadline_exceeded");
    }

    @Test
    void invalidUtf8AndJsonBombAndWrongContentTypeEachHoldWithAReason() throws Exception {
        byte[] badUtf8 = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[\"\u00ff\"]}".getBytes(StandardCharsets.ISO_8859_1);
        String bomb = "[".repeat(5000) + "]".repeat(5000);
        String[] kinds = {"utf8", "bomb", "ctype"};
        answer(r -> {
            boolean canary = presentedKey(r).equals(CliHarness.CANARY);
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
        for (String kind : kinds) {
            Path cfg = config(server.url("/v1").toString());
            Files.writeString(cfg, Files.readString(cfg) + "    headers: {X-Kind: " + kind + "}\n");
            assertThat(cli.run("check", "--config", cfg.toString())).as(kind).isEqualTo(2);
            assertThat(happyRecord().get("reasons").size()).as(kind).isPositive();
            assertThat(cli.stderr).as(kind).doesNotContain("Exception");
        }
    }
}
