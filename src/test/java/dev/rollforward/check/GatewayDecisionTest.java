package dev.rollforward.check;

import static dev.rollforward.check.Snaps.HOST;
import static dev.rollforward.check.Snaps.LABEL;
import static dev.rollforward.check.Snaps.T0;
import static dev.rollforward.check.Snaps.status;
import static dev.rollforward.vocabulary.Decision.HOLD;
import static dev.rollforward.vocabulary.Decision.PROMOTE;
import static dev.rollforward.vocabulary.Decision.STAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.TestRoutes;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT §5 for each gateway profile: what its headers say about who served, retries and
 * fallbacks, with the header sets these gateways really send (REFERENCE.md "Who served",
 * docs/gateways/portkey.md).
 */
class GatewayDecisionTest {

    private static final String INDEX = "x-portkey-last-used-option-index";

    private static AttemptResult judge(Phase phase, Gateway gateway, Expectations expect, Snaps.Builder snap) {
        return Evaluator.evaluate(phase, TestRoutes.route(RequestFamily.CHAT, expect, gateway), snap.build(), T0, 5);
    }

    private static void assertJudged(AttemptResult a, Decision decision, String... reasons) {
        assertThat(a.judgement().decision()).isEqualTo(decision);
        assertThat(a.judgement().reasons()).containsExactly(reasons);
    }

    /** The expectations the config loader gives a route through this gateway with no expect block. */
    private static Expectations defaults(Gateway g) {
        String host = g.servedBy().apiBaseHeader() != null ? null : HOST;
        return new Expectations(host, null, null, null, null, LABEL, null, g.servedBy().defaultTarget());
    }

    private static Expectations servedBy(Gateway g, String target) {
        return new Expectations(defaults(g).upstreamHost(), null, null, null, null, LABEL, null, target);
    }

    @Nested
    class Portkey {

        private Snaps.Builder answer(int code, String body, String index) {
            Snaps.Builder b = status(code).body(body).header("content-type", "application/json")
                    .header("x-portkey-retry-attempt-count", "0").header("x-portkey-provider", "openai")
                    .header("x-portkey-trace-id", "chk.route.happy-path").header("x-portkey-cache-status", "DISABLED");
            return index == null ? b : b.header(INDEX, index);
        }

        private AttemptResult happy(Snaps.Builder snap) {
            return judge(Phase.HAPPY_PATH, Gateway.PORTKEY, defaults(Gateway.PORTKEY), snap);
        }

        private AttemptResult error(Snaps.Builder snap) {
            return judge(Phase.ERROR_PATH, Gateway.PORTKEY, defaults(Gateway.PORTKEY), snap);
        }

        @Test
        void theFirstTargetServingPromotes() {
            for (String index : List.of("config.targets[0]", "config", "config.targets[0].targets[1]")) {
                AttemptResult a = happy(answer(200, Bodies.CHAT, index));
                assertJudged(a, PROMOTE);
                assertThat(a.servedBy().target()).isEqualTo(index);
                assertThat(a.gateway().fallbacks()).isZero();
            }
        }

        @Test
        void theSecondTargetServingIsASilentFallbackThatStays() {
            AttemptResult a = happy(answer(200, Bodies.CHAT, "config.targets[1]"));

            assertJudged(a, STAY, "gateway_fell_back");
            assertThat(a.gateway().fallbacks()).isEqualTo(1);
            assertThat(a.retryCount()).as("the fallback hop counts as a retry").isEqualTo(1);
            assertThat(a.servedBy().gateway()).isEqualTo("portkey");
        }

        @Test
        void aMissingOrUnreadableIndexIsMissingEvidenceThatHolds() {
            assertJudged(happy(answer(200, Bodies.CHAT, null)), HOLD, "upstream_unverifiable", "served_by_unverifiable");
            assertJudged(happy(answer(200, Bodies.CHAT, "targets-one")), HOLD, "upstream_unverifiable",
                    "served_by_unverifiable");
        }

        @Test
        void anIndexBeforeTheExpectedTargetContradictsIt() {
            AttemptResult a = judge(Phase.HAPPY_PATH, Gateway.PORTKEY, servedBy(Gateway.PORTKEY, "config.targets[1]"),
                    answer(200, Bodies.CHAT, "config.targets[0]"));

            assertJudged(a, STAY, "wrong_served_by");
            assertThat(a.gateway().fallbacks()).isZero();
        }

        @Test
        void itsOwnHtmlMessageFiveHundredIsAGatewayError() {
            AttemptResult a = happy(answer(500, Bodies.PORTKEY_HTML_MESSAGE_500, "config.targets[1]"));

            assertJudged(a, STAY, "server_error", "gateway_error");
            assertThat(a.gateway().fallbacks()).as("counted, though only a 2xx is judged for it").isEqualTo(1);
        }

        @Test
        void anUpstreamsRewrittenErrorIsNotTheGatewaysOwn() {
            AttemptResult a = happy(answer(503, Bodies.PORTKEY_503, "config.targets[0]")
                    .header("x-portkey-retry-attempt-count", "-1"));

            assertJudged(a, STAY, "server_error", "gateway_retry_count_unknown");
        }

        @Test
        void errorPathFromTheFirstTargetPromotes() {
            assertJudged(error(answer(401, Bodies.OPENAI_401, "config.targets[0]")), PROMOTE);
        }

        @Test
        void errorPathAfterAFallbackHolds() {
            AttemptResult a = error(answer(401, Bodies.OPENAI_401, "config.targets[1]"));

            assertJudged(a, HOLD, "gateway_fell_back_on_error_path");
            assertThat(a.servedBy().target()).isEqualTo("config.targets[1]");
        }

        @Test
        void errorPathWithGatewayRetriesHolds() {
            assertJudged(error(status(401).body(Bodies.OPENAI_401).header(INDEX, "config.targets[0]")
                    .header("x-portkey-retry-attempt-count", "2")), HOLD, "gateway_retried_on_error_path");
        }

        @Test
        void errorPathGatewayErrorStays() {
            assertJudged(error(answer(500, Bodies.PORTKEY_HTML_MESSAGE_500, "config.targets[0]")), STAY,
                    "server_error", "gateway_error");
        }
    }

    @Nested
    class LiteLlm {

        /** LiteLLM proxy's response headers (docs proxy/response_headers). */
        private Snaps.Builder answer(int code, String body, String modelId, String apiBase, String fallbacks) {
            Snaps.Builder b = status(code).body(body).header("content-type", "application/json")
                    .header("x-litellm-model-group", "gpt-4o-mini").header("x-litellm-attempted-retries", "0")
                    .header("x-litellm-max-fallbacks", "2").header("x-litellm-call-id", "5c6e1a2b-call")
                    .header("x-litellm-version", "1.74.0").header("x-litellm-response-duration-ms", "412.5")
                    .header("llm_provider-x-request-id", "req_upstream_1");
            if (modelId != null) {
                b.header("x-litellm-model-id", modelId);
            }
            if (apiBase != null) {
                b.header("x-litellm-model-api-base", apiBase);
            }
            if (fallbacks != null) {
                b.header("x-litellm-attempted-fallbacks", fallbacks);
            }
            return b;
        }

        private AttemptResult happy(Expectations expect, Snaps.Builder snap) {
            return judge(Phase.HAPPY_PATH, Gateway.LITELLM, expect, snap);
        }

        @Test
        void noFallbackPromotesWithNothingConfigured() {
            AttemptResult a = happy(defaults(Gateway.LITELLM),
                    answer(200, Bodies.CHAT, "deploy-primary", "https://api.openai.com/v1", "0"));

            assertJudged(a, PROMOTE);
            assertThat(a.servedBy().target()).isEqualTo("deploy-primary");
            assertThat(a.servedBy().apiBaseHost()).isEqualTo("api.openai.com");
        }

        @Test
        void anAbsentFallbackHeaderMeansNone() {
            assertJudged(happy(defaults(Gateway.LITELLM), answer(200, Bodies.CHAT, "deploy-primary", null, null)), PROMOTE);
        }

        @Test
        void aReportedFallbackStays() {
            AttemptResult a = happy(defaults(Gateway.LITELLM),
                    answer(200, Bodies.CHAT, "deploy-backup", "https://backup.example.net/v1", "1"));

            assertJudged(a, STAY, "gateway_fell_back");
            assertThat(a.retryCount()).isEqualTo(1);
        }

        @Test
        void servedByNamesTheDeploymentOrTheApiBaseHost() {
            Snaps.Builder primary = answer(200, Bodies.CHAT, "deploy-primary", "https://api.openai.com/v1", "0");
            assertJudged(happy(servedBy(Gateway.LITELLM, "deploy-primary"), primary), PROMOTE);
            assertJudged(happy(servedBy(Gateway.LITELLM, "api.openai.com"),
                    answer(200, Bodies.CHAT, "deploy-primary", "https://api.openai.com/v1", "0")), PROMOTE);
            assertJudged(happy(servedBy(Gateway.LITELLM, "deploy-primary"),
                    answer(200, Bodies.CHAT, "deploy-other", "https://eu.example.net/v1", "0")), STAY, "wrong_served_by");
            assertJudged(happy(servedBy(Gateway.LITELLM, "deploy-primary"), answer(200, Bodies.CHAT, null, null, "0")),
                    HOLD, "upstream_unverifiable", "served_by_unverifiable");
        }

        @Test
        void upstreamHostIsComparedWithTheApiBaseItReports() {
            Expectations host = new Expectations("api.openai.com", null, null, null, null, LABEL, null, null);

            assertJudged(happy(host, answer(200, Bodies.CHAT, "d", "https://api.openai.com/v1", "0")), PROMOTE);
            assertJudged(happy(host, answer(200, Bodies.CHAT, "d", "https://eu.example.net/v1", "0")), STAY,
                    "wrong_upstream_host");
            assertJudged(happy(host, answer(200, Bodies.CHAT, "d", null, "0")), HOLD, "upstream_unverifiable",
                    "upstream_host_unverifiable");
        }

        @Test
        void errorPathAfterAFallbackOrRetriesHolds() {
            assertJudged(judge(Phase.ERROR_PATH, Gateway.LITELLM, defaults(Gateway.LITELLM),
                    answer(401, Bodies.OPENAI_401, "d", null, "1")), HOLD, "gateway_fell_back_on_error_path");
            assertJudged(judge(Phase.ERROR_PATH, Gateway.LITELLM, defaults(Gateway.LITELLM),
                    answer(401, Bodies.OPENAI_401, "d", null, "0").header("x-litellm-attempted-retries", "2")),
                    HOLD, "gateway_retried_on_error_path");
        }
    }

    @Nested
    class NewApi {

        private final Expectations model = new Expectations(HOST, null, null, null, LABEL, "gpt-4o-mini");

        /** new-api (CometAPI) names no channel; only its request id and the body's model. */
        private Snaps.Builder answer(int code, String body) {
            return status(code).body(body).header("content-type", "application/json")
                    .header("x-oneapi-request-id", "20261127030405123456789abcdef");
        }

        @Test
        void onlyTheModelCanTellAFallback() {
            assertJudged(judge(Phase.HAPPY_PATH, Gateway.NEW_API, model, answer(200, Bodies.CHAT)), PROMOTE);
            assertJudged(judge(Phase.HAPPY_PATH, Gateway.NEW_API, model,
                    answer(200, Bodies.CHAT.replace("gpt-4o-mini-2024-07-18", "deepseek-chat"))), STAY, "wrong_model");
            assertJudged(judge(Phase.HAPPY_PATH, Gateway.NEW_API, model,
                    answer(200, Bodies.CHAT.replace("\"model\":\"gpt-4o-mini-2024-07-18\",", ""))), HOLD,
                    "upstream_unverifiable", "model_prefix_unverifiable");
        }

        @Test
        void otherGatewaysHeadersAndErrorShapesMeanNothingHere() {
            AttemptResult a = judge(Phase.HAPPY_PATH, Gateway.NEW_API, model,
                    answer(500, Bodies.PORTKEY_HTML_MESSAGE_500).header(INDEX, "config.targets[1]")
                            .header("x-litellm-attempted-fallbacks", "1"));

            assertJudged(a, STAY, "server_error");
            assertThat(a.gateway().fallbacks()).isZero();
            assertThat(a.servedBy().target()).isNull();
        }
    }
}
