package dev.rollforward.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local OpenAI- and Anthropic-compatible upstream with fault modes (CONTRACT §7), for rehearsing
 * every outcome of a check with no account. Serves {@code POST /v1/chat/completions},
 * {@code POST /v1/responses}, {@code POST /v1/messages} (each streaming when asked) and
 * {@code GET /v1/models} on 127.0.0.1 only.
 *
 * <p>HttpServer's own dispatcher thread is not a daemon: a started sandbox keeps the JVM
 * alive until {@link #close()}.
 */
public final class SandboxServer implements AutoCloseable {

    /** The only key the sandbox accepts (except in accepts-any-key mode). Obviously fake. */
    public static final String CANARY_KEY = "sk-sandbox-canary-0000000000000000";

    /** Enough for a concurrent --all run; a hanging request holds its thread until close(). */
    private static final int THREADS = 16;

    /** The JDK server's switch for TCP_NODELAY on the connections it accepts. */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxHandler handler;
    private final SandboxMode mode;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(HttpServer server, ExecutorService executor, SandboxHandler handler, SandboxMode mode) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
        this.mode = mode;
    }

    /**
     * Binds 127.0.0.1:port (0 picks a free port) and starts serving.
     *
     * @throws IOException when the port cannot be bound (in use, not permitted)
     */
    public static SandboxServer start(int port, SandboxMode mode) throws IOException {
        Objects.requireNonNull(mode, "mode");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        // Loopback by address, not by name: "localhost" may resolve to ::1 or be remapped.
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        // HttpServer writes a response's headers and body apart; with Nagle on, the body then waits for
        // the client's delayed ACK (40 ms on Linux) on every kept-alive request. A real upstream does
        // not add that, so neither does the sandbox (read once, when the first HttpServer is made).
        System.setProperty(NO_DELAY, "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 64);
        SandboxHandler handler = new SandboxHandler(mode);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        server.createContext("/", handler);
        server.setExecutor(executor);
        server.start();
        return new SandboxServer(server, executor, handler, mode);
    }

    /** The base URL to put in a route config, e.g. {@code http://127.0.0.1:8080/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SandboxMode mode() {
        return mode;
    }

    /** Requests received so far, on any path, answered or not. */
    public int requestCount() {
        return handler.requestCount();
    }

    /** The bound address; for tests. */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops at once: hanging requests are released and end with a closed connection. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        handler.release();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "rollforward-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
