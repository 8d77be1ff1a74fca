package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.Bodies;
import dev.rollforward.report.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** stderr on a terminal: what is in flight, colour only where a terminal can show it, nothing an upstream can steer. */
class TerminalOutputTest {

    /** C0 but the line break, DEL, C1: what moves a cursor, clears a screen, retitles a window or rings a bell. */
    private static final String CONTROL = "[\\x00-\\x09\\x0b-\\x1f\\x7f\\x80-\\x9f]";

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    @Test
    void theProgressLineNamesWhatIsStillInFlightNotWhatStartedLast() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Dispatcher healthy = Upstream.healthy();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
                if ("r0".equals(r.getHeaders().get("X-Route-Label")) && Upstream.canary(r)) {
                    release.await(30, TimeUnit.SECONDS); // r0 hangs until the test has seen the line
                }
                return healthy.dispatch(r);
            }
        });
        Path config = cli.write(RouteConfig.at(server).routes(2).labelHeader());
        cli.terminal = true;

        CompletableFuture<Integer> exit = cli.start("check", "--config", config.toString(), "--all");
        // r1 overtakes r0 and finishes while r0 hangs: the line keeps naming r0, and only r0.
        cli.awaitStderr("checking 2 routes: r0 (happy-path), r1 (error-path)");
        cli.awaitStderr("\r\033[Kchecking 1 route: r0 (happy-path)");
        release.countDown();

        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(Terminal.render(cli.stderr)).noneMatch(line -> line.contains("checking"));
    }

    @Test
    void aDumbTerminalOrNoColorGetsNeitherColourNorProgress() {
        server.setDispatcher(Upstream.healthy());
        Path config = cli.write(RouteConfig.at(server));
        cli.terminal = true;

        cli.env.put("TERM", "xterm-256color");
        assertThat(cli.run("check", "--config", config.toString())).isZero();
        assertThat(cli.stderr).contains("\033[1;32mpromote: traffic may roll forward\033[0m").contains("\r\033[K");
        cli.env.put("NO_COLOR", ""); // no-color.org: set to the empty string is not set
        assertThat(cli.run("check", "--config", config.toString())).isZero();
        assertThat(cli.stderr).contains("\033[1;32m");

        cli.env.put("NO_COLOR", "1");
        assertThat(cli.run("check", "--config", config.toString())).isZero();
        assertThat(cli.stderr).doesNotContain("\033");
        cli.env.remove("NO_COLOR");
        cli.env.put("TERM", "dumb");
        assertThat(cli.run("check", "--config", config.toString())).isZero();
        assertThat(cli.stderr).doesNotContain("\033").contains("verdict primary (chat): promote: traffic may roll forward");
    }

    /** A reason phrase and a header full of escape sequences: under --verbose they are shown, never obeyed. */
    @Test
    void nothingAnUpstreamSendsReachesTheTerminalUnescaped() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> serveHostileHeaders(listener));
            t.setDaemon(true);
            t.start();
            Path config = cli.write(RouteConfig.at("http://127.0.0.1:" + listener.getLocalPort() + "/v1")
                    .with("retry: {max_retries: 0}"));
            cli.terminal = true;

            assertThat(cli.run("check", "--config", config.toString(), "--verbose")).isZero();
        }
        String withoutOurOwn = cli.stderr.replace("\r\033[K", "").replaceAll("\033\\[(1;3[123]|0)m", "");
        assertThat(withoutOurOwn).doesNotContainPattern(CONTROL)
                .contains("<-- 200 \\x1b]0;pwned\\x07OK")
                .contains("X-Evil: \\x1b[2J\\x1b[H\\x9b31mred\\x7f");
    }

    /** 200 for the canary, 401 for any other key; both with a retitling reason phrase and a screen-clearing header. */
    private static void serveHostileHeaders(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket s = listener.accept()) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[8192];
                int n = in.read(buf);
                boolean canary = new String(buf, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1).contains(Cli.CANARY);
                String body = canary ? Bodies.CHAT : Bodies.NEW_API_401;
                String head = "HTTP/1.1 " + (canary ? 200 : 401) + " \u001b]0;pwned\u0007OK\r\n"
                        + "Content-Type: application/json\r\n"
                        + "X-Evil: \u001b[2J\u001b[H\u009b31mred\u007f\r\n"
                        + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n";
                OutputStream out = s.getOutputStream();
                out.write((head + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the listener closed at the end of the test
            }
        }
    }
}
