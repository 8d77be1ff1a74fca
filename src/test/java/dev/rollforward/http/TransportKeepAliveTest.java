package dev.rollforward.http;

import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.chat;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.jsonBuilder;
import static dev.rollforward.http.Routes.retries;
import static dev.rollforward.http.Snapshots.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.Bodies;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.Send;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import java.util.Map;

/**
 * CONTRACT §3: a send that fails on a reused keep-alive connection before any byte of a response
 * came back (the server had closed the idle connection) is sent again once on a fresh connection,
 * and is not a resend. Counted at the server.
 */
class TransportKeepAliveTest {

    static final String DISABLED = "sk-test-disabled-00000000000000000000";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final FakePacer pacer = new FakePacer();
    private final Transport transport = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES).pacer(pacer)
            .backoff(new Backoff(bound -> bound)).build();

    @AfterEach
    void close() {
        transport.close();
    }

    /** The first answer, then the server drops the connection without saying Connection: close. */
    private MockResponse answerThenDropTheConnection(int code, String body) {
        return jsonBuilder(code, body).onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void aServerThatClosedTheIdleConnectionCostsNoResend() {
        server.enqueue(answerThenDropTheConnection(200, Bodies.CHAT));
        server.enqueue(json(401, Bodies.NEW_API_401));
        Route route = chat(server, retries(1));

        ResponseSnapshot happy = transport.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
        ResponseSnapshot error = transport.send(route, DISABLED, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(happy).status()).isEqualTo(200);
        assertThat(answer(error).status()).isEqualTo(401);
        assertThat(error.resends()).as("the fresh send takes the failed one's place").isZero();
        assertThat(error.trail().sends()).as("in the sends trail too").containsExactly(Send.answered(401, 0));
        assertThat(pacer.sleeps()).as("no backoff for it either").isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void evenWithMaxRetriesZeroTheFreshSendIsMade() {
        server.enqueue(answerThenDropTheConnection(200, Bodies.CHAT));
        server.enqueue(json(401, Bodies.NEW_API_401));
        Route route = chat(server, retries(0));

        transport.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
        ResponseSnapshot error = transport.send(route, DISABLED, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(error).status()).isEqualTo(401);
        assertThat(error.resends()).isZero();
    }

    @Test
    void onlyOneFreshSendPerAttempt() {
        server.enqueue(answerThenDropTheConnection(200, Bodies.CHAT));
        server.enqueue(answerThenDropTheConnection(503, Bodies.OVERLOADED_503));
        server.enqueue(json(401, Bodies.NEW_API_401));
        Route route = chat(server, retries(1));

        transport.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
        ResponseSnapshot error = transport.send(route, DISABLED, Map.of(), Routes.CORRELATION_ID);

        // stale (free) -> a 503 on a fresh connection, which the server then drops -> the resend after
        // the 503 fails on that reused connection: no second free send, and max_retries is spent.
        assertThat(error.statusClass()).isEqualTo("none");
        assertThat(error.resent()).isEqualTo(new dev.rollforward.vocabulary.Resends(0, 1));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aFailureOnAFreshConnectionIsAResendAsBefore() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(401, Bodies.NEW_API_401));

        ResponseSnapshot error = transport.send(chat(server, retries(1)), DISABLED, Map.of(), Routes.CORRELATION_ID);

        assertThat(answer(error).status()).isEqualTo(401);
        assertThat(error.resent().afterNoResponse()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aTimeoutOnAReusedConnectionIsNoFreeSend() {
        server.enqueue(json(200, Bodies.CHAT));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        Route route = chat(server, retries(0) + "    timeouts: {connect_ms: 500, request_ms: 500}\n");

        transport.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
        ResponseSnapshot error = transport.send(route, DISABLED, Map.of(), Routes.CORRELATION_ID);

        assertThat(error.statusClass()).isEqualTo("none");
        assertThat(server.getRequestCount()).as("the server may be working on it: never sent twice").isEqualTo(2);
    }

    @Test
    void partOfAStatusLineOnAReusedConnectionIsAnAnswerThatBrokeNotAStaleConnection() throws Exception {
        try (PartialAnswerServer upstream = new PartialAnswerServer()) {
            Route route = Routes.route(upstream.url(), "chat", retries(1));

            transport.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
            ResponseSnapshot error = transport.send(route, DISABLED, Map.of(), Routes.CORRELATION_ID);

            assertThat(answer(error).status()).isEqualTo(401);
            assertThat(error.resent().afterNoResponse()).as("counted: the route had started to answer").isEqualTo(1);
            assertThat(upstream.requests()).isEqualTo(3);
        }
    }

    /**
     * One keep-alive connection: a whole 200, then half a status line and a close; then, on a new
     * connection, a 401. MockWebServer cannot send part of a status line.
     */
    private static final class PartialAnswerServer implements AutoCloseable {
        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread thread = new Thread(this::serve, "partial-answer-server");

        PartialAnswerServer() throws java.io.IOException {
            socket.setSoTimeout(10_000);
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        int requests() throws InterruptedException {
            thread.join(10_000);
            return requests.get();
        }

        private void serve() {
            try (java.net.Socket first = socket.accept()) {
                first.setSoTimeout(10_000);
                readRequest(first);
                write(first, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                        + Bodies.CHAT.length() + "\r\n\r\n" + Bodies.CHAT);
                readRequest(first);
                write(first, "HTTP/1.1 40");
                first.shutdownOutput();
            } catch (java.io.IOException e) {
                return;
            }
            try (java.net.Socket second = socket.accept()) {
                second.setSoTimeout(10_000);
                readRequest(second);
                write(second, "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        + "Content-Length: " + Bodies.OPENAI_401.length() + "\r\n\r\n" + Bodies.OPENAI_401);
            } catch (java.io.IOException e) {
                // the test's assertions say what went wrong
            }
        }

        private void readRequest(java.net.Socket s) throws java.io.IOException {
            java.io.InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new java.io.EOFException();
                }
                head.append((char) c);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            in.readNBytes(length);
            requests.incrementAndGet();
        }

        private static void write(java.net.Socket s, String text) throws java.io.IOException {
            s.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            s.getOutputStream().flush();
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }
}
