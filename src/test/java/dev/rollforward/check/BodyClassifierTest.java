package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.RequestFamily;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BodyClassifier on the upstreams' real shapes (REFERENCE.md), and on hostile bodies. */
class BodyClassifierTest {

    private static BodyFacts classify(String body) {
        return BodyClassifier.classify(body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void chatCompletionWithUnknownFieldsIsAChatCompletion() {
        BodyFacts f = classify(Bodies.CHAT);

        assertThat(f.shape()).isEqualTo(BodyShape.CHAT_COMPLETION);
        assertThat(f.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(f.idPresent()).isTrue();
        assertThat(f.completionMarker()).isEqualTo("stop");
        assertThat(f.usagePresent()).isTrue();
        assertThat(f.errorCode()).isNull();
    }

    @Test
    void responseObjectIsAResponse() {
        BodyFacts f = classify(Bodies.RESPONSE);

        assertThat(f.shape()).isEqualTo(BodyShape.RESPONSE);
        assertThat(f.completionMarker()).isEqualTo("completed");
        assertThat(f.usagePresent()).isTrue();
        assertThat(f.idPresent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "failed", "in_progress", "cancelled", "queued", "incomplete"})
    void everyResponseStatusIsStillTheRightShape(String status) {
        BodyFacts f = classify(Bodies.RESPONSE.replace("\"status\":\"completed\",\"error\"", "\"status\":\"" + status + "\",\"error\""));

        assertThat(f.shape()).isEqualTo(BodyShape.RESPONSE);
        assertThat(f.completionMarker()).isEqualTo(status);
    }

    @Test
    void incompleteResponseWithEmptyOutputIsARespone() {
        BodyFacts f = classify(Bodies.RESPONSE_INCOMPLETE);

        assertThat(f.shape()).isEqualTo(BodyShape.RESPONSE);
        assertThat(f.completionMarker()).isEqualTo("incomplete");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no id          | {\"object\":\"chat.completion\",\"choices\":[{\"index\":0}]}",
            "empty id       | {\"id\":\"\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0}]}",
            "empty choices  | {\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}",
            "choices object | {\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":{}}",
            "no choices     | {\"id\":\"c1\",\"object\":\"chat.completion\"}",
            "chunk          | {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{}}]}",
            "no object      | {\"id\":\"c1\",\"choices\":[{\"index\":0}]}",
            "no output      | {\"id\":\"r1\",\"object\":\"response\",\"status\":\"completed\"}",
            "output object  | {\"id\":\"r1\",\"object\":\"response\",\"status\":\"completed\",\"output\":{}}",
            "no status      | {\"id\":\"r1\",\"object\":\"response\",\"output\":[]}",
            "status number  | {\"id\":\"r1\",\"object\":\"response\",\"status\":1,\"output\":[]}",
            "no resp id     | {\"object\":\"response\",\"status\":\"completed\",\"output\":[]}",
            "stream event   | {\"type\":\"response.completed\",\"sequence_number\":9,\"response\":{}}",
            "portkey html   | {\"html-message\":\"connect ECONNREFUSED 127.0.0.1:9\"}",
            "error null     | {\"error\":null}",
            "message object | {\"message\":{\"text\":\"x\"}}",
            "plain object   | {\"ok\":true}"})
    void nearMissesAreOtherJson(String what, String body) {
        assertThat(classify(body).shape()).isEqualTo(BodyShape.OTHER_JSON);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "openai        | invalid_api_key",
            "new-api       | new_api_error",
            "new-api 403   | access_denied",
            "one-api       | one_api_error",
            "comet         | invalid_api_key",
            "comet 500     | invalid_request",
            "comet 503     | model_not_found",
            "quota         | insufficient_quota",
            "rate limit    | rate_limit_exceeded"})
    void errorEnvelopesAndTheirCodes(String which, String code) {
        String body = switch (which.strip()) {
            case "openai" -> Bodies.OPENAI_401;
            case "new-api" -> Bodies.NEW_API_401;
            case "new-api 403" -> Bodies.NEW_API_403;
            case "one-api" -> Bodies.ONE_API_401;
            case "comet" -> Bodies.COMET_401;
            case "comet 500" -> Bodies.COMET_500_INVALID_REQUEST;
            case "comet 503" -> Bodies.COMET_503_MODEL_NOT_FOUND;
            case "quota" -> Bodies.QUOTA_429;
            default -> Bodies.RATE_LIMIT_429;
        };
        BodyFacts f = classify(body);

        assertThat(f.shape()).isEqualTo(BodyShape.ERROR_ENVELOPE);
        assertThat(f.errorCode()).isEqualTo(code);
    }

    @Test
    void errorEnvelopesWithoutACode() {
        assertThat(classify(Bodies.MESSAGE_ONLY_401)).isEqualTo(new BodyFacts(BodyShape.ERROR_ENVELOPE, null, false, null, false, null));
        assertThat(classify(Bodies.STRING_ERROR_401).shape()).isEqualTo(BodyShape.ERROR_ENVELOPE);
        assertThat(classify(Bodies.STRING_ERROR_401).errorCode()).isNull();
        assertThat(classify(Bodies.PORTKEY_503).shape()).isEqualTo(BodyShape.ERROR_ENVELOPE);
        assertThat(classify(Bodies.PORTKEY_503).errorCode()).isNull();
    }

    @Test
    void factsKeepNoFreeText() {
        BodyFacts f = classify(Bodies.ONE_API_401);

        assertThat(f.toString()).doesNotContain("无效的令牌").doesNotContain("request id");
        assertThat(classify(Bodies.CHAT).toString()).doesNotContain("assistant").doesNotContain("\"ok\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "html      | <!DOCTYPE html><html><body>Moved</body></html>",
            "text      | Unauthorized",
            "sse       | 'data: {\"object\":\"chat.completion.chunk\"}'",
            "single quotes | {'error': 'x'}",
            "trailing comma | '{\"error\":{\"message\":\"x\"},}'"})
    void notJson(String what, String body) {
        assertThat(classify(body).shape()).isEqualTo(BodyShape.NOT_JSON);
    }

    @Test
    void truncatedJsonIsNotJson() {
        for (int cut : new int[] {1, 20, Bodies.CHAT.length() / 2, Bodies.CHAT.length() - 1}) {
            assertThat(classify(Bodies.CHAT.substring(0, cut)).shape()).as("cut at %d", cut).isEqualTo(BodyShape.NOT_JSON);
        }
    }

    @Test
    void trailingGarbageAfterAValidObjectIsNotJson() {
        assertThat(classify(Bodies.CHAT + "<html>").shape()).isEqualTo(BodyShape.NOT_JSON);
        assertThat(classify(Bodies.CHAT + Bodies.CHAT).shape()).isEqualTo(BodyShape.NOT_JSON);
    }

    @Test
    void trailingWhitespaceIsFine() {
        assertThat(classify(Bodies.CHAT + "\n\r\n  ").shape()).isEqualTo(BodyShape.CHAT_COMPLETION);
        assertThat(classify("  \n" + Bodies.RESPONSE).shape()).isEqualTo(BodyShape.RESPONSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[1,2]", "\"ok\"", "42", "true", "null"})
    void jsonThatIsNotAnObject(String body) {
        assertThat(classify(body).shape()).isIn(BodyShape.OTHER_JSON, BodyShape.NOT_JSON);
        assertThat(classify(body).shape()).isNotIn(BodyShape.ERROR_ENVELOPE, BodyShape.CHAT_COMPLETION, BodyShape.RESPONSE);
    }

    @Test
    void jsonArrayIsOtherJson() {
        assertThat(classify("[{\"error\":\"x\"}]").shape()).isEqualTo(BodyShape.OTHER_JSON);
    }

    @Test
    void emptyBodies() {
        assertThat(BodyClassifier.classify(null, false).shape()).isEqualTo(BodyShape.EMPTY);
        assertThat(BodyClassifier.classify(new byte[0], false).shape()).isEqualTo(BodyShape.EMPTY);
        assertThat(classify(" \r\n\t ").shape()).isEqualTo(BodyShape.EMPTY);
    }

    @Test
    void truncatedFlagWinsOverContent() {
        assertThat(BodyClassifier.classify(Bodies.CHAT.getBytes(StandardCharsets.UTF_8), true).shape()).isEqualTo(BodyShape.TOO_LARGE);
        assertThat(BodyClassifier.classify(new byte[0], true).shape()).isEqualTo(BodyShape.TOO_LARGE);
    }

    @Test
    void deepNestingIsTooDeep() {
        assertThat(classify("[".repeat(BodyClassifier.MAX_NESTING + 1) + "]".repeat(BodyClassifier.MAX_NESTING + 1)).shape())
                .isEqualTo(BodyShape.TOO_DEEP);
        assertThat(classify("{\"a\":".repeat(1000)).shape()).isEqualTo(BodyShape.TOO_DEEP);
        assertThat(classify("[".repeat(100_000)).shape()).isEqualTo(BodyShape.TOO_DEEP);
    }

    @Test
    void deepNestingInsideARealShapeIsTooDeep() {
        String bomb = Bodies.CHAT.replace("\"logprobs\":null", "\"logprobs\":" + "[".repeat(200) + "]".repeat(200));

        assertThat(classify(bomb).shape()).isEqualTo(BodyShape.TOO_DEEP);
    }

    @Test
    void ordinaryNestingIsFine() {
        String nested = "{\"a\":".repeat(30) + "1" + "}".repeat(30);

        assertThat(classify(nested).shape()).isEqualTo(BodyShape.OTHER_JSON);
    }

    @Test
    void invalidUtf8IsNotJson() {
        byte[] lone = {'{', '"', 'e', 'r', 'r', 'o', 'r', '"', ':', '"', (byte) 0xC3, '"', '}'};
        byte[] start = {(byte) 0xFF, (byte) 0xFE, '{', '}'};
        byte[] inName = {'{', '"', (byte) 0x80, '"', ':', '1', '}'};

        assertThat(BodyClassifier.classify(lone, false).shape()).isEqualTo(BodyShape.NOT_JSON);
        assertThat(BodyClassifier.classify(start, false).shape()).isEqualTo(BodyShape.NOT_JSON);
        assertThat(BodyClassifier.classify(inName, false).shape()).isEqualTo(BodyShape.NOT_JSON);
    }

    @Test
    void nonAsciiUtf8IsFine() {
        assertThat(classify(Bodies.ONE_API_401).shape()).isEqualTo(BodyShape.ERROR_ENVELOPE);
        assertThat(classify("\uFEFF" + Bodies.CHAT).shape()).isEqualTo(BodyShape.CHAT_COMPLETION);
    }

    @Test
    void neverThrowsOnOddInput() {
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);

        assertThat(BodyClassifier.classify(noise, false).shape()).isEqualTo(BodyShape.NOT_JSON);
        assertThat(classify("{\"n\":" + "9".repeat(5000) + "}").shape()).isNotIn(BodyShape.CHAT_COMPLETION, BodyShape.RESPONSE);
    }

    @Test
    void successShapeBelongsToItsFamily() {
        assertThat(BodyShape.CHAT_COMPLETION.isSuccessOf(RequestFamily.CHAT)).isTrue();
        assertThat(BodyShape.CHAT_COMPLETION.isSuccessOf(RequestFamily.RESPONSES)).isFalse();
        assertThat(BodyShape.RESPONSE.isSuccessOf(RequestFamily.RESPONSES)).isTrue();
        assertThat(BodyShape.RESPONSE.isSuccessOf(RequestFamily.CHAT)).isFalse();
        assertThat(BodyShape.ERROR_ENVELOPE.isSuccessOf(RequestFamily.CHAT)).isFalse();
    }
}
