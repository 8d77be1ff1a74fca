package dev.rollforward.sandbox;

import dev.rollforward.vocabulary.RequestFamily;

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
    static final String MESSAGES_PATH = "/v1/messages";
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
        RequestFamily family = familyAt(path);
        if (family == null) {
            return Reply.json(404, Bodies.invalidUrl(method, path));
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return notAllowed(method, path, "POST");
        }
        SandboxRequest request = SandboxRequest.read(exchange);
        boolean canary = SandboxServer.CANARY_KEY.equals(request.key());
        String requestId = newApiRequestId(n);
        return switch (mode) {
            case HEALTHY, STREAM_CUT, STREAM_BUFFERED, STREAM_ERROR ->
                    canary ? success(family, n, request) : invalidToken(family, requestId);
            case OVERLOADED -> overloaded(family, requestId);
            case RATE_LIMITED -> Reply.json(429, Bodies.rateLimited()).with("Retry-After", "1");
            case WRONG_SHAPE -> canary ? success(otherThan(family), n, request) : invalidToken(family, requestId);
            case ACCEPTS_ANY_KEY -> success(family, n, request);
            case HANG -> null;
            case FLAKY -> pathsSeen.add(path) ? overloaded(family, requestId)
                    : canary ? success(family, n, request) : invalidToken(family, requestId);
            case QUOTA_EXHAUSTED -> Reply.json(429, Bodies.quotaExhausted());
            case WRONG_UPSTREAM -> (canary ? success(family, n, request) : invalidToken(family, requestId))
                    .with("X-Upstream", "other-provider").with(ROUTE_LABEL, "somewhere-else");
            case REDIRECT -> Reply.html(301, Bodies.movedPermanently())
                    .with("Location", "http://127.0.0.1:1/elsewhere");
            case HTML_ERRORS -> canary ? success(family, n, request) : Reply.html(401, Bodies.unauthorizedHtml());
            case GATEWAY_RETRIES -> canary
                    ? Reply.json(503, Bodies.portkeyExhausted()).with("x-portkey-retry-attempt-count", "-1")
                    : invalidToken(family, requestId).with("x-litellm-attempted-retries", "2");
            case ECHO_KEY -> canary ? success(family, n, request) : echoKey(request.key(), requestId);
            case GATEWAY_FELL_BACK -> fellBack(canary ? success(family, n, request.stream(), FALLBACK_MODEL)
                    : invalidToken(family, requestId));
            case GATEWAY_ERROR -> fellBack(Reply.json(500, Bodies.portkeyHtmlMessage()));
        };
    }

    private static RequestFamily familyAt(String path) {
        for (RequestFamily f : RequestFamily.values()) {
            if (path.equals("/v1" + f.path())) {
                return f;
            }
        }
        return null;
    }

    /** The family whose object a wrong-shape answer carries. */
    private static RequestFamily otherThan(RequestFamily family) {
        return family == RequestFamily.CHAT ? RequestFamily.RESPONSES : RequestFamily.CHAT;
    }

    /** The family's success: a stream when one was asked for (cut, buffered or failing as the mode says). */
    private Reply success(RequestFamily family, int n, SandboxRequest request) {
        return success(family, n, request.stream(), request.model());
    }

    private Reply success(RequestFamily family, int n, boolean stream, String model) {
        long now = now();
        if (stream && mode != SandboxMode.STREAM_BUFFERED) {
            return Reply.stream(switch (mode) {
                case STREAM_CUT -> SandboxStreams.cut(family, n, model, now);
                case STREAM_ERROR -> SandboxStreams.failing(family, n, model, now);
                default -> SandboxStreams.whole(family, n, model, now);
            });
        }
        return Reply.json(200, switch (family) {
            case CHAT -> Bodies.chatCompletion(n, model, now);
            case RESPONSES -> Bodies.response(n, model, now);
            case MESSAGES -> Bodies.message(n, model);
        });
    }

    /** As Portkey answers from its second target: primary down (or, for its own 500, both unreachable). */
    private static Reply fellBack(Reply reply) {
        return reply.with(SERVED_BY, "config.targets[1]").with("x-portkey-retry-attempt-count", "0");
    }

    private static Reply invalidToken(RequestFamily family, String requestId) {
        return Reply.json(401, family == RequestFamily.MESSAGES
                ? Bodies.anthropicError("authentication_error", "invalid x-api-key", requestId)
                : Bodies.invalidToken(requestId));
    }

    /** Anthropic says overload with a 529 {@code overloaded_error}; the OpenAI-style routes with a 503. */
    private static Reply overloaded(RequestFamily family, String requestId) {
        return family == RequestFamily.MESSAGES
                ? Reply.json(529, Bodies.anthropicError("overloaded_error", "Overloaded", requestId))
                : Reply.json(503, Bodies.overloaded(requestId));
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
