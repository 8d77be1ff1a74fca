package dev.rollforward.report;

import dev.rollforward.check.Bodies;
import dev.rollforward.check.Evaluator;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.CorrelationId;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.SendTrail;
import dev.rollforward.vocabulary.TestRoutes;
import dev.rollforward.vocabulary.TestTrails;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Judged route results built from real upstream bodies, with no network: the report tests' fixtures. */
final class Results {

    static final String CANARY = "sk-test-canary-0000000000000000000000aa";
    static final String DISABLED = "sk-test-disabled-00000000000000000000bb";
    static final Redactor REDACTOR = new Redactor(List.of(CANARY, DISABLED));
    static final String HOST = "api.cometapi.com";
    static final Instant T0 = Instant.parse("2026-11-27T03:04:05Z");
    static final String REVIEW = "https://tickets.example.com/ROUTE-123";
    static final String CHECK_ID = "route-rollforward-check-20261127-0304";
    static final List<String> GATEWAY_HEADERS = List.of("x-litellm-attempted-retries", "x-portkey-retry-attempt-count");

    private Results() {
    }

    static Expectations expect(String label) {
        return new Expectations(HOST, null, null, "X-Route-Label", label, "gpt-4o-mini");
    }

    static ResponseSnapshot snap(int status, String body, String host, String label, int resends) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("x-request-id", List.of("req_0123456789abcdef"));
        if (label != null) {
            headers.put("x-route-label", List.of(label));
        }
        return new ResponseSnapshot.Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), false, null,
                TestTrails.answered(host, status, resends));
    }

    static AttemptResult happy(String label, RequestFamily family, ResponseSnapshot s, long ms) {
        return Evaluator.evaluate(Phase.HAPPY_PATH, TestRoutes.route(family, expect(label), GATEWAY_HEADERS),
                sentAs(s, label, Phase.HAPPY_PATH), T0, ms);
    }

    static AttemptResult error(String label, RequestFamily family, ResponseSnapshot s, long ms) {
        return Evaluator.evaluate(Phase.ERROR_PATH, TestRoutes.route(family, expect(label), GATEWAY_HEADERS),
                sentAs(s, label, Phase.ERROR_PATH), T0.plusMillis(50), ms);
    }

    /** The snapshot as a check would have sent it: under the route's and phase's correlation id. */
    private static ResponseSnapshot sentAs(ResponseSnapshot s, String label, Phase phase) {
        SendTrail t = new SendTrail(s.trail().host(), CorrelationId.of(CHECK_ID, label, phase), s.trail().sends());
        if (s instanceof ResponseSnapshot.Answer a) {
            return new ResponseSnapshot.Answer(a.status(), a.headers(), a.body(), a.bodyTruncated(), a.bodyError(), t);
        }
        ResponseSnapshot.NoAnswer n = (ResponseSnapshot.NoAnswer) s;
        return new ResponseSnapshot.NoAnswer(n.reason(), n.failureCode(), n.detail(), t);
    }

    /** A healthy route: the canary answers with the family's object, the disabled key gets a JSON 401. */
    static RouteResult promote(String label, RequestFamily family, String reviewLink) {
        String body = family == RequestFamily.CHAT ? Bodies.CHAT : Bodies.RESPONSE;
        return route(label, family, reviewLink,
                happy(label, family, snap(200, body, HOST, label, 0), 12),
                error(label, family, snap(401, Bodies.NEW_API_401, HOST, label, 0), 8));
    }

    /** The canary's answer came from another host: stay. */
    static RouteResult stay(String label, String reviewLink) {
        return route(label, RequestFamily.CHAT, reviewLink,
                happy(label, RequestFamily.CHAT, snap(200, Bodies.CHAT, "evil.example.net", label, 0), 40),
                error(label, RequestFamily.CHAT, snap(401, Bodies.OPENAI_401, HOST, label, 0), 9));
    }

    /** The canary key was refused (an operational blocker), and the error path never answered: hold. */
    static RouteResult hold(String label, String reviewLink) {
        return route(label, RequestFamily.RESPONSES, reviewLink,
                happy(label, RequestFamily.RESPONSES, snap(401, Bodies.COMET_401, HOST, label, 0), 1500),
                error(label, RequestFamily.RESPONSES, new ResponseSnapshot.NoAnswer("timeout", null,
                        "no answer within request_ms", TestTrails.failed(HOST, "timeout", 0)), 30000));
    }

    /** A hold whose no-response reason and detail echo a credential (as a careless transport might). */
    static RouteResult leakyHold(String label) {
        return route(label, RequestFamily.CHAT, REVIEW + "?token=" + CANARY,
                happy(label, RequestFamily.CHAT, snap(200, Bodies.CHAT, HOST, label, 0), 12),
                error(label, RequestFamily.CHAT, new ResponseSnapshot.NoAnswer("connect_failed " + DISABLED, null,
                        "proxy said Bearer " + DISABLED + " refused by <proxy> & co",
                        TestTrails.failed(HOST, "connect_failed", 0)), 25));
    }

    /** A pass with a note: the gateway retried an unknown number of times (Portkey's -1), the happy path still promotes. */
    static RouteResult noted(String label) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-route-label", List.of(label));
        headers.put("x-portkey-retry-attempt-count", List.of("-1"));
        ResponseSnapshot happy = new ResponseSnapshot.Answer(200, headers, Bodies.CHAT.getBytes(StandardCharsets.UTF_8),
                false, null, TestTrails.answered(HOST, 200, 0));
        return route(label, RequestFamily.CHAT, null,
                happy(label, RequestFamily.CHAT, happy, 5),
                error(label, RequestFamily.CHAT, snap(401, Bodies.OPENAI_401, HOST, label, 0), 5));
    }

    /**
     * A route through Portkey whose primary was down: the fallback (config.targets[1]) answered the canary,
     * the primary the disabled key. Stay, with the target that served named.
     */
    static RouteResult fellBack(String label) {
        Route route = TestRoutes.route(RequestFamily.CHAT,
                new Expectations(HOST, null, null, null, null, label, null, "config.targets[0]"), Gateway.PORTKEY);
        return route(label, RequestFamily.CHAT, REVIEW,
                Evaluator.evaluate(Phase.HAPPY_PATH, route, sentAs(portkey(200, Bodies.CHAT, "config.targets[1]"), label,
                        Phase.HAPPY_PATH), T0, 140),
                Evaluator.evaluate(Phase.ERROR_PATH, route, sentAs(portkey(401, Bodies.OPENAI_401, "config.targets[0]"), label,
                        Phase.ERROR_PATH), T0.plusMillis(150), 20));
    }

    private static ResponseSnapshot portkey(int status, String body, String servedBy) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of("application/json"));
        headers.put("x-request-id", List.of("req_0123456789abcdef"));
        headers.put("x-portkey-last-used-option-index", List.of(servedBy));
        headers.put("x-portkey-retry-attempt-count", List.of("0"));
        return new ResponseSnapshot.Answer(status, headers, body.getBytes(StandardCharsets.UTF_8), false, null,
                TestTrails.answered(HOST, status, 0));
    }

    /** One route of each kind a report must show: pass, stay, hold, a leaking hold, a pass with a note, a fallback. */
    static RouteResult[] everyKind() {
        return new RouteResult[] {promote("cometapi-primary", RequestFamily.CHAT, REVIEW), stay("moved", null),
                hold("blocked", REVIEW), leakyHold("leaky"), noted("noted"), fellBack("portkey-chat")};
    }

    static RouteResult route(String label, RequestFamily family, String reviewLink, AttemptResult... attempts) {
        long total = 0;
        for (AttemptResult a : attempts) {
            total += a.durationMs();
        }
        return new RouteResult(label, family, reviewLink, List.of(attempts), T0, total + 3, TestRoutes.PROVENANCE);
    }

    static RunSummary summary(String commandLine, RouteResult... routes) {
        return new RunSummary(CHECK_ID, DecisionCounts.of(Arrays.stream(routes).map(RouteResult::verdict).toList()),
                commandLine);
    }
}
