package dev.rollforward.check;

import static dev.rollforward.check.Snaps.error;
import static dev.rollforward.check.Snaps.status;
import static dev.rollforward.vocabulary.Decision.HOLD;
import static dev.rollforward.vocabulary.Decision.PROMOTE;
import static dev.rollforward.vocabulary.Decision.STAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.TestTrails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.List;
import java.util.stream.Stream;

/** CONTRACT §5, error path (disabled credential): every row. */
class ErrorPathDecisionTest {

    static Stream<Arguments> jsonErrors() {
        return Stream.of(401, 403).flatMap(code -> Stream.of(
                Arguments.of(code, "openai", Bodies.OPENAI_401),
                Arguments.of(code, "new-api", Bodies.NEW_API_401),
                Arguments.of(code, "new-api access_denied", Bodies.NEW_API_403),
                Arguments.of(code, "one-api without code", Bodies.ONE_API_401),
                Arguments.of(code, "cometapi envelope", Bodies.COMET_401),
                Arguments.of(code, "message only", Bodies.MESSAGE_ONLY_401),
                Arguments.of(code, "error as a string", Bodies.STRING_ERROR_401)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("jsonErrors")
    void refusedWithAJsonErrorBodyPromotes(int code, String dialect, String body) {
        AttemptResult a = error(status(code).header("Content-Type", "application/json").body(body).build());

        assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
        assertThat(a.judgement().reasons()).isEmpty();
        assertThat(a.shapeSeen().wire()).isEqualTo("expected");
        assertThat(a.retryCount()).isZero();
    }

    static Stream<Arguments> notJsonErrors() {
        return Stream.of(401, 403).flatMap(code -> Stream.of(
                Arguments.of(code, "html", Bodies.HTML),
                Arguments.of(code, "non-error json", Bodies.NON_ERROR_JSON),
                Arguments.of(code, "portkey html-message", Bodies.PORTKEY_HTML_MESSAGE_500),
                Arguments.of(code, "json array", "[{\"error\":\"x\"}]"),
                Arguments.of(code, "json string", "\"Unauthorized\""),
                Arguments.of(code, "error null", "{\"error\":null}"),
                Arguments.of(code, "message not a string", "{\"message\":{\"text\":\"no\"}}"),
                Arguments.of(code, "plain text", "Unauthorized"),
                Arguments.of(code, "truncated json", Bodies.OPENAI_401.substring(0, 40)),
                Arguments.of(code, "empty", "")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("notJsonErrors")
    void refusedWithABodyThatIsNotAJsonErrorHolds(int code, String what, String body) {
        AttemptResult a = error(status(code).body(body).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("error_body_not_json_error");
    }

    @Test
    void refusedWithATooLargeBodyHolds() {
        AttemptResult a = error(status(401).truncated().build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
    }

    @Test
    void refusedWithABodyCutShortHolds() {
        AttemptResult a = error(status(401).body(Bodies.OPENAI_401).bodyError("body_incomplete").build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.shapeSeen().wire()).isEqualTo("unexpected");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204})
    void disabledCredentialAcceptedStays(int code) {
        AttemptResult a = error(Snaps.good(code, Bodies.CHAT).build());

        assertThat(a.judgement().decision()).isEqualTo(STAY);
        assertThat(a.judgement().reasons()).containsExactly("disabled_credential_accepted");
        assertThat(a.shapeSeen().wire()).isEqualTo("unexpected");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 524})
    void serverErrorStays(int code) {
        AttemptResult a = error(status(code).body(Bodies.OVERLOADED_503).build());

        assertThat(a.judgement().decision()).isEqualTo(STAY);
        assertThat(a.judgement().reasons()).containsExactly("server_error");
    }

    @Test
    void rateLimitedHolds() {
        AttemptResult a = error(status(429).body(Bodies.RATE_LIMIT_429).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("rate_limited");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 402, 404, 405, 408, 409, 422})
    void anyOtherClientErrorHolds(int code) {
        AttemptResult a = error(status(code).body(Bodies.COMET_500_INVALID_REQUEST).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("unexpected_status");
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 308})
    void redirectHolds(int code) {
        AttemptResult a = error(status(code).header("Location", "https://www.cometapi.com/").body(Bodies.HTML).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("redirect_not_followed");
    }

    @Test
    void noResponseHolds() {
        AttemptResult a = error(new ResponseSnapshot.NoAnswer("connect_failed", null, "refused",
                TestTrails.failed(Snaps.HOST, "connect_failed", Resends.NONE)));

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("no_response", "connect_failed");
        assertThat(a.shapeSeen().wire()).isEqualTo("none");
    }

    @Test
    void aResendAfterARetryableStatusHoldsEvenACleanRefusal() {
        AttemptResult a = error(status(401).body(Bodies.OPENAI_401).resends(1).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("resent_after_retryable_status");
        assertThat(a.retryCount()).isEqualTo(1);
    }

    @Test
    void aResendAfterRollforwardsOwnSendGotNoResponseSaysSo() {
        AttemptResult a = error(status(401).body(Bodies.OPENAI_401).resentAfterNoResponse(1).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("resent_after_no_response");
        assertThat(a.retryCount()).isEqualTo(1);
    }

    @Test
    void bothCausesAreNamed() {
        AttemptResult a = error(status(503).body(Bodies.OVERLOADED_503).resentAfterNoResponse(1).resends(1).build());

        assertThat(a.judgement().reasons()).containsExactly("resent_after_no_response", "resent_after_retryable_status",
                "server_error");
        assertThat(a.retryCount()).isEqualTo(2);
    }

    @Test
    void aResendWithNoResponseHoldsWithBothReasons() {
        AttemptResult a = error(new ResponseSnapshot.NoAnswer("timeout", null, null,
                TestTrails.failed(Snaps.HOST, "timeout", new Resends(1, 0))));

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).containsExactly("resent_after_no_response", "no_response", "timeout");
    }

    static Stream<Arguments> gatewayRetryHeaders() {
        return Stream.of(
                Arguments.of("x-litellm-attempted-retries", "1", 1),
                Arguments.of("X-LiteLLM-Attempted-Retries", "3", 3),
                Arguments.of("x-portkey-retry-attempt-count", "2", 2),
                Arguments.of("x-portkey-retry-attempt-count", "-1", 1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gatewayRetryHeaders")
    void aGatewayReportingRetriesHoldsEvenACleanRefusal(String header, String value, int counted) {
        AttemptResult a = error(status(401).header(header, value).body(Bodies.OPENAI_401).build());

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.judgement().reasons()).contains("gateway_retried_on_error_path");
        assertThat(a.gateway().retryCount()).isEqualTo(counted);
        assertThat(a.retryCount()).isEqualTo(counted);
    }

    @Test
    void portkeyMinusOneIsCountedAsOneAndFlaggedUnknown() {
        AttemptResult a = error(status(401).header("x-portkey-retry-attempt-count", "-1").body(Bodies.OPENAI_401).build());

        assertThat(a.gateway().retries().countUnknown()).isTrue();
        assertThat(a.judgement().reasons()).containsExactly("gateway_retried_on_error_path", "gateway_retry_count_unknown");
    }

    @Test
    void aGatewayReportingZeroRetriesDoesNotHold() {
        AttemptResult a = error(status(401).header("x-litellm-attempted-retries", "0")
                .header("x-portkey-retry-attempt-count", "0").body(Bodies.OPENAI_401).build());

        assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
    }

    @Test
    void onlyTheConfiguredGatewayHeadersCount() {
        ResponseSnapshot snap = status(401).header("x-gateway-retries", "1")
                .header("x-portkey-retry-attempt-count", "5").body(Bodies.OPENAI_401).build();
        AttemptResult a = Snaps.error(snap, List.of("X-Gateway-Retries"));

        assertThat(a.judgement().decision()).isEqualTo(HOLD);
        assertThat(a.gateway().retryCount()).isEqualTo(1);
    }

    @Test
    void anAcceptedDisabledKeyStaysEvenWhenItWasResent() {
        AttemptResult a = error(Snaps.good(200, Bodies.CHAT).resends(1).build());

        assertThat(a.judgement().decision()).isEqualTo(STAY);
        assertThat(a.judgement().reasons()).contains("disabled_credential_accepted", "resent_after_retryable_status");
    }

    @Test
    void theErrorPathDoesNotJudgeTheUpstreamHeadersOrHost() {
        AttemptResult a = error(status(401).host("elsewhere.example.net").body(Bodies.ONE_API_401).build());

        assertThat(a.judgement().decision()).isEqualTo(PROMOTE);
    }
}
