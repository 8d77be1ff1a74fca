package dev.rollforward.check;

import static dev.rollforward.check.Snaps.FULL;
import static dev.rollforward.check.Snaps.HOST_ONLY;
import static dev.rollforward.check.Snaps.good;
import static dev.rollforward.check.Snaps.happy;
import static dev.rollforward.check.Snaps.status;
import static dev.rollforward.vocabulary.Decision.HOLD;
import static dev.rollforward.vocabulary.Decision.PROMOTE;
import static dev.rollforward.vocabulary.Decision.STAY;
import static dev.rollforward.vocabulary.RequestFamily.CHAT;
import static dev.rollforward.vocabulary.RequestFamily.RESPONSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.RequestFamily;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** CONTRACT §5, happy path (canary credential): every row. */
class HappyPathDecisionTest {

    @Nested
    class TwoHundredRightShape {

        @ParameterizedTest
        @ValueSource(ints = {200, 201, 203})
        void chatObjectOnChatRouteFromTheExpectedUpstreamPromotes(int code) {
            AttemptResult a = happy(CHAT, FULL, good(code, Bodies.CHAT).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
            assertThat(a.judgement().reasons()).isEmpty();
            assertThat(a.shapeSeen().wire()).isEqualTo("expected");
            assertThat(a.retryCount()).isZero();
            assertThat(a.facts().idPresent()).isTrue();
            assertThat(a.facts().completionMarker()).isEqualTo("stop");
            assertThat(a.facts().usagePresent()).isTrue();
        }

        @Test
        void responseObjectOnResponsesRoutePromotes() {
            AttemptResult a = happy(RESPONSES, FULL, good(200, Bodies.RESPONSE).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
            assertThat(a.judgement().reasons()).isEmpty();
            assertThat(a.shapeSeen().wire()).isEqualTo("expected");
            assertThat(a.facts().completionMarker()).isEqualTo("completed");
        }

        @Test
        void incompleteResponseIsStillTheRightShape() {
            AttemptResult a = happy(RESPONSES, FULL, good(200, Bodies.RESPONSE_INCOMPLETE).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
            assertThat(a.facts().completionMarker()).isEqualTo("incomplete");
        }

        @Test
        void completionMarkerAndUsageAreRecordedNeverJudged() {
            String lengthNoUsage = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o-mini\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"o\"},\"finish_reason\":\"length\"}]}";
            AttemptResult a = happy(CHAT, FULL, good(200, lengthNoUsage).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
            assertThat(a.facts().completionMarker()).isEqualTo("length");
            assertThat(a.facts().usagePresent()).isFalse();
        }

        @Test
        void onlyTheHostIsCheckedWhenNothingElseIsExpected() {
            AttemptResult a = happy(CHAT, HOST_ONLY, status(200).body(Bodies.CHAT).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
        }

        @Test
        void hostAndHeaderNamesCompareCaseInsensitively() {
            Expectations mixed = new Expectations("API.CometAPI.com", "x-UPSTREAM", "cometapi", "x-route-LABEL",
                    Snaps.LABEL, "gpt-4o-mini");
            AttemptResult a = happy(CHAT, mixed, good(200, Bodies.CHAT).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
        }

        @Test
        void gatewayRetriesOnTheHappyPathAreCountedNotJudged() {
            AttemptResult a = happy(CHAT, FULL, good(200, Bodies.CHAT)
                    .header("x-portkey-retry-attempt-count", "2").resends(1).build());

            assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
            assertThat(a.retryCount()).isEqualTo(3);
            assertThat(a.gateway().retryCount()).isEqualTo(2);
        }
    }

    @Nested
    class TwoHundredWrongBody {

        static Stream<Arguments> wrongBodies() {
            byte[] invalidUtf8 = Bodies.CHAT.replace("\"ok\"", "\"o?\"").getBytes(StandardCharsets.UTF_8);
            invalidUtf8[new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("o?") + 1] = (byte) 0xC3; // a lead byte before '"'
            String sse = "data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\"ok\"}}]}\n\ndata: [DONE]\n\n";
            return Stream.of(
                    arguments("html", CHAT, good(200, Bodies.HTML), "not_json", "unexpected"),
                    arguments("a chat object on the responses route", RESPONSES, good(200, Bodies.CHAT), "unexpected_shape", "unexpected"),
                    arguments("a response object on the chat route", CHAT, good(200, Bodies.RESPONSE), "unexpected_shape", "unexpected"),
                    arguments("an error envelope with a 200", CHAT, good(200, Bodies.OPENAI_401), "unexpected_shape", "unexpected"),
                    arguments("other JSON", CHAT, good(200, Bodies.NON_ERROR_JSON), "unexpected_shape", "unexpected"),
                    arguments("a chat object that also carries an error", CHAT, good(200, Bodies.CHAT_WITH_ERROR),
                            "unexpected_shape", "unexpected"),
                    arguments("a failed response carrying its error", RESPONSES, good(200, Bodies.RESPONSE_FAILED),
                            "unexpected_shape", "unexpected"),
                    arguments("a streamed answer", CHAT, good(200, sse), "not_json", "unexpected"),
                    arguments("an empty body", CHAT, good(204, ""), "empty_body", "none"),
                    arguments("a body over the size limit", CHAT, good(200, "").truncated(), "body_too_large", "unexpected"),
                    arguments("a body nested too deep", CHAT, good(200, "[".repeat(500)), "json_too_deep", "unexpected"),
                    arguments("invalid UTF-8", CHAT, good(200, "").body(invalidUtf8), "not_json", "unexpected"),
                    arguments("a body cut short, though what came parses", CHAT,
                            good(200, Bodies.CHAT).bodyError("body_incomplete"), "body_incomplete", "unexpected"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("wrongBodies")
        void holds(String what, RequestFamily family, Snaps.Builder snap, String reason, String shapeSeen) {
            AttemptResult a = happy(family, FULL, snap.build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly(reason);
            assertThat(a.shapeSeen().wire()).isEqualTo(shapeSeen);
        }
    }

    @Nested
    class TwoHundredWrongUpstream {

        static Stream<Arguments> wrongUpstreams() {
            return Stream.of(
                    arguments("another host", CHAT, good(200, Bodies.CHAT).host("evil.example.net"), "wrong_upstream_host"),
                    arguments("another upstream header value", CHAT, status(200).body(Bodies.CHAT)
                            .header("X-Upstream", "openrouter").header("X-Route-Label", Snaps.LABEL), "wrong_upstream_header"),
                    arguments("another route label", CHAT, status(200).body(Bodies.CHAT)
                            .header("X-Upstream", "cometapi").header("X-Route-Label", "cometapi-secondary"), "wrong_route_label"),
                    arguments("another model", CHAT, good(200, Bodies.CHAT.replace("gpt-4o-mini-2024-07-18", "claude-3-haiku")),
                            "wrong_model"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("wrongUpstreams")
        void contradictingEvidenceStays(String what, RequestFamily family, Snaps.Builder snap, String reason) {
            AttemptResult a = happy(family, FULL, snap.build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.judgement().reasons()).containsExactly(reason);
        }

        static Stream<Arguments> absentEvidence() {
            return Stream.of(
                    arguments("no upstream header", CHAT, status(200).body(Bodies.CHAT)
                            .header("X-Route-Label", Snaps.LABEL), "upstream_header_unverifiable"),
                    arguments("an empty upstream header", CHAT, status(200).body(Bodies.CHAT)
                            .header("X-Upstream", " ").header("X-Route-Label", Snaps.LABEL), "upstream_header_unverifiable"),
                    arguments("no route label header", CHAT, status(200).body(Bodies.CHAT)
                            .header("X-Upstream", "cometapi"), "route_label_header_unverifiable"),
                    arguments("no model when a prefix is expected", RESPONSES,
                            good(200, Bodies.RESPONSE.replace("\"model\":\"gpt-4o-mini-2024-07-18\",", "")),
                            "model_prefix_unverifiable"));
        }

        /** Missing evidence is not a wrong upstream: a person must look (the runbook holds on missing evidence). */
        @ParameterizedTest(name = "{0}")
        @MethodSource("absentEvidence")
        void absentEvidenceHoldsNamingTheExpectation(String what, RequestFamily family, Snaps.Builder snap, String named) {
            AttemptResult a = happy(family, FULL, snap.build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("upstream_unverifiable", named);
        }

        @Test
        void contradictingEvidenceOutranksAbsentEvidence() {
            AttemptResult a = happy(CHAT, FULL, status(200).body(Bodies.CHAT).header("X-Upstream", "openrouter").build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.judgement().reasons()).containsExactly("wrong_upstream_header", "upstream_unverifiable",
                    "route_label_header_unverifiable");
        }

        @Test
        void anUpstreamHeaderPatternMustMatchTheWholeValue() {
            Expectations pattern = new Expectations(Snaps.HOST, "X-Upstream", null,
                    java.util.regex.Pattern.compile("cometapi-(eu|us)"), null, Snaps.LABEL, null, null);

            assertThat(happy(CHAT, pattern, status(200).body(Bodies.CHAT).header("X-Upstream", "cometapi-eu").build())
                    .judgement().decision()).isEqualTo(PROMOTE);
            AttemptResult partial = happy(CHAT, pattern, status(200).body(Bodies.CHAT)
                    .header("X-Upstream", "cometapi-eu-fallback").build());
            assertThat(partial.judgement().decision()).isEqualTo(STAY);
            assertThat(partial.judgement().reasons()).containsExactly("wrong_upstream_header");
        }

        @Test
        void wrongUpstreamOutranksWrongShape() {
            AttemptResult a = happy(CHAT, FULL, status(200).body(Bodies.HTML).host("evil.example.net").build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.judgement().reasons()).containsExactly("wrong_upstream_host", "upstream_unverifiable",
                    "upstream_header_unverifiable", "route_label_header_unverifiable", "not_json");
        }
    }

    @Nested
    class NoResponse {

        @Test
        void noResponseAfterTheBoundedRetriesHolds() {
            AttemptResult a = happy(CHAT, FULL, Snaps.noResponse("timeout"));

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("no_response", "timeout");
            assertThat(a.shapeSeen().wire()).isEqualTo("none");
            assertThat(a.snapshot().statusClass()).isEqualTo("none");
            assertThat(a.retryCount()).isEqualTo(1);
        }
    }

    @Nested
    class NonTwoHundred {

        @ParameterizedTest
        @ValueSource(ints = {301, 302, 303, 307, 308})
        void redirectNotFollowedHolds(int code) {
            AttemptResult a = happy(CHAT, FULL, status(code).header("Location", "https://www.cometapi.com/").body(Bodies.HTML).build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("redirect_not_followed");
            assertThat(a.snapshot().statusClass()).isEqualTo("3xx");
        }

        @ParameterizedTest
        @ValueSource(ints = {401, 403})
        void canaryRefusedHolds(int code) {
            AttemptResult a = happy(CHAT, FULL, status(code).body(Bodies.NEW_API_401).build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("canary_credential_refused");
        }

        @Test
        void requestTimeoutHolds() {
            AttemptResult a = happy(CHAT, FULL, status(408).build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("request_timeout");
        }

        @Test
        void rateLimitHolds() {
            AttemptResult a = happy(CHAT, FULL, status(429).header("Retry-After", "20").body(Bodies.RATE_LIMIT_429).build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("rate_limited");
        }

        @Test
        void exhaustedQuotaHoldsWithItsOwnReason() {
            AttemptResult a = happy(CHAT, FULL, status(429).body(Bodies.QUOTA_429).build());

            assertThat(a.judgement().decision()).isEqualTo(HOLD);
            assertThat(a.judgement().reasons()).containsExactly("quota_exhausted");
        }

        @Test
        void anUpperCaseQuotaCodeIsTheSameExhaustedQuota() {
            // The retry rules already read it this way; the table must agree with them.
            String body = Bodies.QUOTA_429.replace("\"code\":\"insufficient_quota\"", "\"code\":\"INSUFFICIENT_QUOTA\"");
            assertThat(body).contains("INSUFFICIENT_QUOTA");
            AttemptResult a = happy(CHAT, FULL, status(429).body(body).build());

            assertThat(a.judgement().reasons()).containsExactly("quota_exhausted");
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 404, 405, 409, 413, 422, 451})
        void anyOtherClientErrorStays(int code) {
            AttemptResult a = happy(CHAT, FULL, status(code).body(Bodies.COMET_401).build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.judgement().reasons()).containsExactly("client_error");
            assertThat(a.snapshot().statusClass()).isEqualTo("4xx");
        }

        @Test
        void aWrongPathAnsweredWithHtml404Stays() {
            AttemptResult a = happy(CHAT, FULL, status(404).body(Bodies.HTML).build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504, 524})
        void serverErrorAfterTheRetriesStays(int code) {
            AttemptResult a = happy(CHAT, FULL, status(code).body(Bodies.OVERLOADED_503).resends(1).build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.judgement().reasons()).containsExactly("server_error");
            assertThat(a.snapshot().statusClass()).isEqualTo("5xx");
            assertThat(a.retryCount()).isEqualTo(1);
        }

        @Test
        void serverErrorBlamingTheRequestNamesTheCode() {
            AttemptResult a = happy(CHAT, FULL, status(503).body(Bodies.COMET_503_MODEL_NOT_FOUND).build());
            AttemptResult b = happy(CHAT, FULL, status(500).body(Bodies.COMET_500_INVALID_REQUEST).build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.judgement().reasons()).containsExactly("server_error", "model_not_found");
            assertThat(b.judgement().reasons()).containsExactly("server_error", "invalid_request");
        }

        @Test
        void portkeyHtmlMessageOnA500Stays() {
            AttemptResult a = happy(CHAT, FULL, status(500).body(Bodies.PORTKEY_HTML_MESSAGE_500).build());

            assertThat(a.judgement().decision()).isEqualTo(STAY);
            assertThat(a.shapeSeen().wire()).isEqualTo("unexpected");
        }
    }
}
