package dev.rollforward.check;

import static dev.rollforward.vocabulary.Decision.HOLD;
import static dev.rollforward.vocabulary.Decision.PROMOTE;
import static dev.rollforward.vocabulary.Decision.STAY;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.ErrorCodes;
import dev.rollforward.vocabulary.Judgement;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.ShapeSeen;
import dev.rollforward.vocabulary.StreamEnd;
import dev.rollforward.vocabulary.StreamFacts;
import java.util.Locale;

/**
 * CONTRACT §5 as code: a snapshot of one attempt in, a decision and its reasons out.
 * When several rows apply, the most severe decision wins (stay over hold over promote).
 */
final class DecisionTable {

    private DecisionTable() {
    }

    static Judgement judge(Phase phase, Route route, Observation o) {
        JudgementBuilder j = new JudgementBuilder();
        if (o.snap() instanceof ResponseSnapshot.NoAnswer n && n.wasInterrupted()) {
            // Stopped by the operator: says nothing about the route, and is never a pass.
            j.add(HOLD, n.reason());
            return j.build();
        }
        if (phase == Phase.HAPPY_PATH) {
            happyPath(j, route, o);
        } else {
            errorPath(j, o);
        }
        if (o.snap() instanceof ResponseSnapshot.Answer answer && answer.status() >= 500 && answer.status() < 600
                && route.gateway().madeError(o.facts())) {
            j.add(STAY, "gateway_error");
        }
        if (o.gateway().retries().countUnknown()) {
            j.add(PROMOTE, "gateway_retry_count_unknown");
        }
        return j.build();
    }

    private static void happyPath(JudgementBuilder j, Route route, Observation o) {
        if (!(o.snap() instanceof ResponseSnapshot.Answer answer)) {
            noAnswer(j, (ResponseSnapshot.NoAnswer) o.snap());
            return;
        }
        BodyFacts facts = o.facts();
        ShapeSeen shape = o.shape();
        int s = answer.status();
        if (s >= 200 && s < 300) {
            UpstreamEvidence.judge(j, route, o);
            if (route.stream()) {
                streamRows(j, answer, facts, shape);
            } else if (answer.bodyError() != null) {
                j.add(HOLD, answer.bodyError());
            } else if (shape != ShapeSeen.EXPECTED) {
                j.add(HOLD, shapeReason(facts.shape()));
            } else if (!jsonContentType(answer.header("content-type"))) {
                // The right JSON under a text/html label is a proxy or error page getting lucky, not the API.
                j.add(HOLD, "unexpected_content_type");
            }
        } else if (s == 401 || s == 403) {
            j.add(HOLD, "canary_credential_refused");
        } else if (s == 408) {
            j.add(HOLD, "request_timeout");
        } else if (s == 429) {
            j.add(HOLD, ErrorCodes.quotaExhausted(facts.errorCode()) ? "quota_exhausted" : "rate_limited");
        } else if (s == 407) {
            // The proxy in between refused us: the route itself was never asked.
            j.add(HOLD, "proxy_authentication_required");
        } else if (s >= 400 && s < 500) {
            j.add(STAY, "client_error");
        } else if (s >= 500 && s < 600) {
            j.add(STAY, "server_error");
            j.add(STAY, ErrorCodes.blamedOnRequest(facts.errorCode()));
        } else {
            otherStatus(j, s);
        }
    }

    /** The route asked for the stream: it must be one, reach its end marker, and report no error. */
    private static void streamRows(JudgementBuilder j, ResponseSnapshot.Answer answer, BodyFacts facts, ShapeSeen shape) {
        StreamFacts stream = answer.stream();
        if (stream == null) {
            // A gateway that buffered the stream into one JSON answer fails every streaming client.
            j.add(HOLD, "not_a_stream");
        } else if (stream.end() == StreamEnd.ERROR) {
            j.add(STAY, "stream_error");
        } else if (stream.end() == null) {
            j.add(HOLD, "stream_cut_short").add(HOLD, answer.bodyTruncated() ? "body_too_large" : answer.bodyError());
        } else if (shape != ShapeSeen.EXPECTED) {
            j.add(HOLD, shapeReason(facts.shape()));
        }
    }

    private static void errorPath(JudgementBuilder j, Observation o) {
        ResponseSnapshot snap = o.snap();
        // Any resend spoils the one clean refusal the error path is for; the reason says what
        // rollforward did and why, so nobody reads its own retry as the gateway's doing.
        if (snap.resent().afterNoResponse() > 0) {
            j.add(HOLD, "resent_after_no_response");
        }
        if (snap.resent().afterStatus() > 0) {
            j.add(HOLD, "resent_after_retryable_status");
        }
        if (o.gateway().retries().happened()) {
            j.add(HOLD, "gateway_retried_on_error_path");
        }
        // The gateway fell over on the disabled key's answer: that key reached more than one upstream.
        if (o.gateway().fallbacks() > 0) {
            j.add(HOLD, "gateway_fell_back_on_error_path");
        }
        if (!(snap instanceof ResponseSnapshot.Answer answer)) {
            noAnswer(j, (ResponseSnapshot.NoAnswer) snap);
            return;
        }
        int s = answer.status();
        if (s == 401 || s == 403) {
            boolean cleanError = o.shape() == ShapeSeen.EXPECTED;
            j.add(cleanError ? PROMOTE : HOLD, cleanError ? null : "error_body_not_json_error");
        } else if (s >= 200 && s < 300) {
            j.add(STAY, "disabled_credential_accepted");
        } else if (s >= 500 && s < 600) {
            j.add(STAY, "server_error");
        } else if (s == 429) {
            j.add(HOLD, "rate_limited");
        } else if (s == 407) {
            j.add(HOLD, "proxy_authentication_required");
        } else {
            otherStatus(j, s);
        }
    }

    private static void noAnswer(JudgementBuilder j, ResponseSnapshot.NoAnswer none) {
        j.add(HOLD, "no_response").add(HOLD, none.reason()).add(HOLD, none.failureCode());
    }

    private static void otherStatus(JudgementBuilder j, int s) {
        j.add(HOLD, s >= 300 && s < 400 ? "redirect_not_followed" : "unexpected_status");
    }

    /** Absent is tolerated (some gateways omit it); present must say JSON. */
    private static boolean jsonContentType(String contentType) {
        return contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
    }

    static String shapeReason(BodyShape shape) {
        switch (shape) {
            case NOT_JSON: return "not_json";
            case TOO_LARGE: return "body_too_large";
            case TOO_DEEP: return "json_too_deep";
            case EMPTY: return "empty_body";
            default: return "unexpected_shape";
        }
    }
}
