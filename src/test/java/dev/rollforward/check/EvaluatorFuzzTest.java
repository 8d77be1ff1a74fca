package dev.rollforward.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.report.RecordJson;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Judgement;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.TestRoutes;
import dev.rollforward.vocabulary.TestTrails;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whatever an upstream answers, judging it never throws: the evaluator and the body classifier
 * meet arbitrary bytes, statuses and headers.
 *
 * <p>In {@code mvn verify} these replay the committed seeds under
 * {@code src/test/resources/dev/rollforward/check/EvaluatorFuzzTestInputs/<method>/} (real shapes
 * from REFERENCE.md) and take well under a second. To fuzz (one method per run; Jazzer writes any
 * crashing input next to the seeds, and its working corpus to {@code .cifuzz-corpus/}):
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B test -Dtest='EvaluatorFuzzTest#evaluate' -Dsurefire.failIfNoSpecifiedTests=false
 *   JAZZER_FUZZ=1 mvn -B test -Dtest='EvaluatorFuzzTest#classify' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>An {@code evaluate} input reads like a tiny HTTP response, so seeds can be written by hand:
 * a status line ({@code 401}, or {@code -1} for "no response"), header lines {@code name: value},
 * a blank line, then the body bytes. Input without a blank line is all body, status 200.
 */
class EvaluatorFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant STARTED = Instant.parse("2026-11-27T03:04:05Z");
    /** The fuzz input's "no response" status line. */
    private static final int NO_STATUS = -1;
    private static final Set<String> SHAPES_SEEN = Set.of("expected", "unexpected", "none");

    /** What a CometAPI route with every expectation set looks for. */
    private static final Expectations STRICT = new Expectations("api.cometapi.com", "x-upstream", "cometapi",
            "x-route-label", "primary", "gpt-4o-mini");
    /** A route with no expectation beyond the host. */
    private static final Expectations LOOSE = new Expectations("api.cometapi.com", null, null, null, "primary", null);

    @FuzzTest(maxDuration = "30s")
    void evaluate(byte[] input) {
        Parsed p = Parsed.of(input);
        List<ResponseSnapshot> snaps = new ArrayList<>();
        if (p.status == NO_STATUS) {
            snaps.add(new ResponseSnapshot.NoAnswer("tls_failure", "tls_unknown_ca", "TLS failed",
                    TestTrails.failed("api.cometapi.com", "tls_failure", 0)));
            snaps.add(new ResponseSnapshot.NoAnswer("timeout", null, null, TestTrails.failed("api.cometapi.com", "timeout", new Resends(1, 1))));
        } else {
            snaps.add(new ResponseSnapshot.Answer(p.status, p.headers, p.body, false, null,
                    TestTrails.answered("api.cometapi.com", p.status, 0)));
            snaps.add(new ResponseSnapshot.Answer(p.status, p.headers, p.body, false, "body_incomplete",
                    TestTrails.answered("elsewhere.example", p.status, 1)));
            snaps.add(new ResponseSnapshot.Answer(p.status, p.headers, new byte[0], true, null,
                    TestTrails.answered("api.cometapi.com", p.status, 0)));
        }
        for (ResponseSnapshot snap : snaps) {
            for (Phase phase : Phase.values()) {
                for (RequestFamily family : RequestFamily.values()) {
                    for (Expectations expect : new Expectations[] {STRICT, LOOSE}) {
                        for (Gateway gateway : Gateway.values()) {
                            check(phase, TestRoutes.route(family, behind(gateway, expect), gateway), snap);
                        }
                    }
                }
            }
        }
    }

    @FuzzTest(maxDuration = "30s")
    void classify(byte[] body) {
        BodyFacts facts = BodyClassifier.classify(body, false);
        assertThat(facts.shape()).as("only a body cut at the size limit is too large").isNotNull().isNotEqualTo(BodyShape.TOO_LARGE);
        if (facts.shape() == BodyShape.CHAT_COMPLETION || facts.shape() == BodyShape.RESPONSE) {
            assertThat(facts.idPresent()).isTrue();
        }
        if (facts.shape() != BodyShape.ERROR_ENVELOPE) {
            assertThat(facts.errorCode()).isNull();
        }
        assertThat(BodyClassifier.classify(body, true).shape()).isEqualTo(BodyShape.TOO_LARGE);
    }

    /** The expectations as the config loader completes them for a route through {@code gateway}. */
    private static Expectations behind(Gateway gateway, Expectations e) {
        return new Expectations(e.upstreamHost(), e.upstreamHeaderName(), e.upstreamHeaderValue(), null,
                e.routeLabelHeader(), e.routeLabel(), e.modelPrefix(), gateway.servedBy().defaultTarget());
    }

    /** Plain checks, not AssertJ: this runs 96 times per input while fuzzing. */
    private static void check(Phase phase, Route route, ResponseSnapshot snap) {
        RequestFamily family = route.family();
        AttemptResult a = Evaluator.evaluate(phase, route, snap, STARTED, 12);
        Judgement j = a.judgement();
        require(j.decision() != null && j.reasons() != null, "a decision and its reasons", a); // List.copyOf: no null reason
        require(a.retryCount() >= 0 && SHAPES_SEEN.contains(a.shapeSeen().wire()), "a retry count and a shape class", a);
        // CONTRACT §5: only these answers can promote; no answer at all is a hold.
        int status = a.httpStatus() == null ? NO_STATUS : a.httpStatus();
        if (j.decision() == Decision.PROMOTE) {
            boolean allowed = phase == Phase.HAPPY_PATH
                    ? status >= 200 && status <= 299
                    : (status == 401 || status == 403) && snap.resends() == 0 && !a.gateway().gatewayActed();
            require(allowed, "promote only on CONTRACT §5's rows", a);
            require(a.gateway().fallbacks() == 0, "a gateway's fallback never promotes", a);
        }
        require(status != NO_STATUS || j.decision() == Decision.HOLD, "no response is a hold", a);
        // And the record built from it is JSON, whatever the upstream put in its headers.
        RouteResult result = new RouteResult("primary", family, null, List.of(a), STARTED, 12, TestRoutes.PROVENANCE);
        String record = new RecordJson("fuzz-1", Redactor.none()).attempt(result, a);
        try {
            require(JSON.readTree(record).get("fallback_decision").asText().equals(j.decision().wire()),
                    "the record says the decision", a);
        } catch (IOException e) {
            throw new AssertionError("the record is not JSON: " + record, e);
        }
    }

    private static void require(boolean ok, String what, AttemptResult a) {
        if (!ok) {
            throw new AssertionError("expected " + what + ", got " + a.judgement() + " for " + a.phase() + " status "
                    + a.httpStatus());
        }
    }

    /** The "tiny HTTP response" reading of an input; never throws. */
    private static final class Parsed {
        int status = 200;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] body;

        static Parsed of(byte[] input) {
            Parsed p = new Parsed();
            int split = indexOf(input, new byte[] {'\n', '\n'});
            if (split < 0) {
                p.body = input;
                return p;
            }
            p.body = Arrays.copyOfRange(input, split + 2, input.length);
            String[] lines = new String(input, 0, split, StandardCharsets.UTF_8).split("\n", -1);
            String first = lines[0].strip();
            if (first.matches("-?\\d{1,4}")) {
                int s = Integer.parseInt(first);
                p.status = s < 0 ? NO_STATUS : s;
            }
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    // Names in lower case, as the transport hands them over (Headers.lowerCased).
                    p.headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
                }
            }
            return p;
        }

        private static int indexOf(byte[] data, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= data.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (data[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
