package dev.rollforward.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes every request of the sandbox and answers it the way the mode says. */
final class SandboxHandler implements HttpHandler {

    static final String CHAT_PATH = "/v1/chat/completions";
    static final String RESPONSES_PATH = "/v1/responses";
    static final String MODELS_PATH = "/v1/models";
    static final String ROUTE_LABEL = "X-Route-Label";
    /**
     * Who served, the way a Portkey gateway says it (docs/gateways/portkey.md): sent only by the modes
     * that play a gateway, since Portkey passes an upstream's headers on (a sandbox behind a real
     * Portkey must not add its own).
     */
    static final String SERVED_BY = "x-portkey-last-used-option-index";
    /** The model a silent fallback answers with, where the route asked for another. */
    static final String FALLBACK_MODEL = "gpt-4.1-mini";

    private static final DateTimeFormatter REQUEST_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SandboxMode mode;
    private final AtomicInteger requests = new AtomicInteger();
    private final Set<String> pathsSeen = ConcurrentHashMap.newKeySet();
    private final CountDownLatch released = new CountDownLatch(1);

    SandboxHandler(SandboxMode mode) {
        this.mode = mode;
    }

    int requestCount() {
        return requests.get();
    }

    /** Lets every hanging request go: they end with the connection closed and no answer. */
    void release() {
        released.countDown();
    }

    @Override
    public void handle(HttpExchange exchange) {
        int n = requests.incrementAndGet();
        try {
            Reply reply = answer(exchange, n);
            if (reply == null) {
                released.await();
                return;
            }
            reply.send(exchange, commonHeaders(exchange, n));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a timeout on its side): nothing left to tell it.
        } finally {
            exchange.close();
        }
    }

    /** The reply for this request, or null to hang. */
    private Reply answer(HttpExchange exchange, int n) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (MODELS_PATH.equals(path)) {
            return isGet(method) ? Reply.json(200, Bodies.models(now()))
                    : notAllowed(method, path, "GET");
        }
        boolean chat = CHAT_PATH.equals(path);
        if (!chat && !RESPONSES_PATH.equals(path)) {
            return Reply.json(404, Bodies.invalidUrl(method, path));
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return notAllowed(method, path, "POST");
        }
        SandboxRequest request = SandboxRequest.read(exchange);
        boolean canary = SandboxServer.CANARY_KEY.equals(request.key());
        String requestId = newApiRequestId(n);
        return switch (mode) {
            case HEALTHY -> canary ? success(chat, n, request) : invalidToken(requestId);
            case OVERLOADED -> overloaded(requestId);
            case RATE_LIMITED -> Reply.json(429, Bodies.rateLimited()).with("Retry-After", "1");
            case WRONG_SHAPE -> canary ? success(!chat, n, request) : invalidToken(requestId);
            case ACCEPTS_ANY_KEY -> success(chat, n, request);
            case HANG -> null;
            case FLAKY -> pathsSeen.add(path) ? overloaded(requestId)
                    : canary ? success(chat, n, request) : invalidToken(requestId);
            case QUOTA_EXHAUSTED -> Reply.json(429, Bodies.quotaExhausted());
            case WRONG_UPSTREAM -> (canary ? success(chat, n, request) : invalidToken(requestId))
                    .with("X-Upstream", "other-provider").with(ROUTE_LABEL, "somewhere-else");
            case REDIRECT -> Reply.html(301, Bodies.movedPermanently())
                    .with("Location", "http://127.0.0.1:1/elsewhere");
            case HTML_ERRORS -> canary ? success(chat, n, request) : Reply.html(401, Bodies.unauthorizedHtml());
            case GATEWAY_RETRIES -> canary
                    ? Reply.json(503, Bodies.portkeyExhausted()).with("x-portkey-retry-attempt-count", "-1")
                    : invalidToken(requestId).with("x-litellm-attempted-retries", "2");
            case ECHO_KEY -> canary ? success(chat, n, request) : echoKey(request.key(), requestId);
            case GATEWAY_FELL_BACK -> fellBack(canary ? success(chat, n, FALLBACK_MODEL) : invalidToken(requestId));
            case GATEWAY_ERROR -> fellBack(Reply.json(500, Bodies.portkeyHtmlMessage()));
        };
    }

    private static Reply success(boolean chat, int n, SandboxRequest request) {
        return success(chat, n, request.model());
    }

    private static Reply success(boolean chat, int n, String model) {
        long now = now();
        return Reply.json(200, chat ? Bodies.chatCompletion(n, model, now) : Bodies.response(n, model, now));
    }

    /** As Portkey answers from its second target: primary down (or, for its own 500, both unreachable). */
    private static Reply fellBack(Reply reply) {
        return reply.with(SERVED_BY, "config.targets[1]").with("x-portkey-retry-attempt-count", "0");
    }

    private static Reply invalidToken(String requestId) {
        return Reply.json(401, Bodies.invalidToken(requestId));
    }

    private static Reply overloaded(String requestId) {
        return Reply.json(503, Bodies.overloaded(requestId));
    }

    private static Reply echoKey(String key, String requestId) {
        String presented = key == null ? "" : key;
        Reply reply = Reply.json(401, Bodies.invalidTokenEcho(presented, requestId));
        return key == null ? reply : reply.with("X-Echo-Key", presented);
    }

    private static Reply notAllowed(String method, String path, String allowed) {
        return Reply.json(405, Bodies.methodNotAllowed(method, path)).with("Allow", allowed);
    }

    private static Map<String, String> commonHeaders(HttpExchange exchange, int n) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-request-id", "req_sandbox_" + n);
        headers.put("X-Upstream", "sandbox");
        String label = exchange.getRequestHeaders().getFirst(ROUTE_LABEL);
        if (label != null) {
            headers.put(ROUTE_LABEL, label);
        }
        return headers;
    }

    /** new-api's request id: a UTC timestamp and a short suffix, e.g. 20260101120000000000a1. */
    private static String newApiRequestId(int n) {
        return REQUEST_ID_TIME.format(Instant.now()) + String.format("%08x", n);
    }

    private static boolean isGet(String method) {
        return "GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
