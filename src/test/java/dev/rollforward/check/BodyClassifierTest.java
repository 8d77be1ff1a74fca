package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.RequestFamily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** BodyClassifier on the upstreams' real shapes (REFERENCE.md), and on hostile bodies. */
class BodyClassifierTest {

    private static final String MODEL = "gpt-4o-mini-2024-07-18";
    private static final BodyFacts CHAT = new BodyFacts(BodyShape.CHAT_COMPLETION, MODEL, true, "stop", true, null);
    private static final BodyFacts RESPONSE = new BodyFacts(BodyShape.RESPONSE, MODEL, true, "completed", true, null);

    private static BodyFacts classify(String body) {
        return BodyClassifier.classify(utf8(body), false);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> successObjects() {
        return Stream.of(
                arguments("chat completion with unknown fields", Bodies.CHAT, CHAT),
                arguments("response object", Bodies.RESPONSE, RESPONSE),
                arguments("incomplete response with empty output", Bodies.RESPONSE_INCOMPLETE,
                        new BodyFacts(BodyShape.RESPONSE, MODEL, true, "incomplete", true, null)),
                arguments("trailing whitespace", Bodies.CHAT + "\n\r\n  ", CHAT),
                arguments("leading whitespace", "  \n" + Bodies.RESPONSE, RESPONSE),
                arguments("a byte order mark", "\uFEFF" + Bodies.CHAT, CHAT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void successObjects(String what, String body, BodyFacts facts) {
        assertThat(classify(body)).isEqualTo(facts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"completed", "failed", "in_progress", "cancelled", "queued", "incomplete"})
    void everyResponseStatusIsStillTheRightShape(String status) {
        BodyFacts f = classify(Bodies.RESPONSE.replace("\"status\":\"completed\",\"error\"", "\"status\":\"" + status + "\",\"error\""));

        assertThat(f.shape()).isEqualTo(BodyShape.RESPONSE);
        assertThat(f.completionMarker()).isEqualTo(status);
    }

    static Stream<Arguments> successObjectsCarryingAnError() {
        return Stream.of(
                arguments("a chat completion with an error object", Bodies.CHAT_WITH_ERROR, BodyShape.ERROR_ENVELOPE),
                arguments("a chat completion with an error string",
                        Bodies.CHAT.replace("\"service_tier\"", "\"error\":\"upstream failed\",\"service_tier\""), BodyShape.ERROR_ENVELOPE),
                arguments("a failed response with its error", Bodies.RESPONSE_FAILED, BodyShape.ERROR_ENVELOPE),
                arguments("a response with an error that is neither object nor string",
                        Bodies.RESPONSE.replace("\"error\":null", "\"error\":true"), BodyShape.OTHER_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void successObjectsCarryingAnError(String what, String body, BodyShape shape) {
        BodyFacts f = classify(body);

        assertThat(f.shape()).isEqualTo(shape);
        assertThat(f.shape().isSuccess()).isFalse();
        assertThat(f.model()).isEqualTo(MODEL);
    }

    @Test
    void aFailedResponseKeepsItsStatusAndCode() {
        BodyFacts f = classify(Bodies.RESPONSE_FAILED);

        assertThat(f.completionMarker()).isEqualTo("failed");
        assertThat(f.errorCode()).isEqualTo("server_error");
    }

    static Stream<Arguments> errorEnvelopes() {
        return Stream.of(
                arguments("openai", Bodies.OPENAI_401, "invalid_api_key"),
                arguments("new-api: empty code, so the type", Bodies.NEW_API_401, "new_api_error"),
                arguments("new-api 403", Bodies.NEW_API_403, "access_denied"),
                arguments("one-api, non-ASCII message", Bodies.ONE_API_401, "one_api_error"),
                arguments("comet", Bodies.COMET_401, "invalid_api_key"),
                arguments("comet 500", Bodies.COMET_500_INVALID_REQUEST, "invalid_request"),
                arguments("comet 503", Bodies.COMET_503_MODEL_NOT_FOUND, "model_not_found"),
                arguments("quota", Bodies.QUOTA_429, "insufficient_quota"),
                arguments("rate limit", Bodies.RATE_LIMIT_429, "rate_limit_exceeded"),
                arguments("message only", Bodies.MESSAGE_ONLY_401, null),
                arguments("error as a string", Bodies.STRING_ERROR_401, null),
                arguments("portkey 503, error without code or type", Bodies.PORTKEY_503, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void errorEnvelopes(String which, String body, String code) {
        assertThat(classify(body)).isEqualTo(new BodyFacts(BodyShape.ERROR_ENVELOPE, null, false, null, false, code));
    }

    @Test
    void factsKeepNoFreeText() {
        BodyFacts f = classify(Bodies.ONE_API_401);

        assertThat(f.toString()).doesNotContain("无效的令牌").doesNotContain("request id");
        assertThat(classify(Bodies.CHAT).toString()).doesNotContain("assistant").doesNotContain("\"ok\"");
    }

    static Stream<Arguments> otherJson() {
        return Stream.of(
                arguments("no id", "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0}]}"),
                arguments("empty id", "{\"id\":\"\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0}]}"),
                arguments("empty choices", "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[]}"),
                arguments("choices object", "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":{}}"),
                arguments("no choices", "{\"id\":\"c1\",\"object\":\"chat.completion\"}"),
                arguments("chunk", "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{}}]}"),
                arguments("no object", "{\"id\":\"c1\",\"choices\":[{\"index\":0}]}"),
                arguments("no output", "{\"id\":\"r1\",\"object\":\"response\",\"status\":\"completed\"}"),
                arguments("output object", "{\"id\":\"r1\",\"object\":\"response\",\"status\":\"completed\",\"output\":{}}"),
                arguments("no status", "{\"id\":\"r1\",\"object\":\"response\",\"output\":[]}"),
                arguments("status number", "{\"id\":\"r1\",\"object\":\"response\",\"status\":1,\"output\":[]}"),
                arguments("no resp id", "{\"object\":\"response\",\"status\":\"completed\",\"output\":[]}"),
                arguments("stream event", "{\"type\":\"response.completed\",\"sequence_number\":9,\"response\":{}}"),
                arguments("portkey html", "{\"html-message\":\"connect ECONNREFUSED 127.0.0.1:9\"}"),
                arguments("error null", "{\"error\":null}"),
                arguments("message object", "{\"message\":{\"text\":\"x\"}}"),
                arguments("plain object", "{\"ok\":true}"),
                arguments("ordinary nesting", "{\"a\":".repeat(30) + "1" + "}".repeat(30)),
                arguments("empty array", "[]"),
                arguments("array of numbers", "[1,2]"),
                arguments("array holding an error", "[{\"error\":\"x\"}]"),
                arguments("string", "\"ok\""),
                arguments("number", "42"),
                arguments("boolean", "true"),
                arguments("null", "null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void otherJson(String what, String body) {
        assertThat(classify(body).shape()).isEqualTo(BodyShape.OTHER_JSON);
    }

    static Stream<Arguments> notJson() {
        String chat = Bodies.CHAT;
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        return Stream.of(
                arguments("html", utf8("<!DOCTYPE html><html><body>Moved</body></html>")),
                arguments("text", utf8("Unauthorized")),
                arguments("sse", utf8("data: {\"object\":\"chat.completion.chunk\"}")),
                arguments("single quotes", utf8("{'error': 'x'}")),
                arguments("trailing comma", utf8("{\"error\":{\"message\":\"x\"},}")),
                arguments("cut after 1 byte", utf8(chat.substring(0, 1))),
                arguments("cut after 20 bytes", utf8(chat.substring(0, 20))),
                arguments("cut in half", utf8(chat.substring(0, chat.length() / 2))),
                arguments("cut before the last byte", utf8(chat.substring(0, chat.length() - 1))),
                arguments("html after a valid object", utf8(chat + "<html>")),
                arguments("two objects", utf8(chat + chat)),
                arguments("a lone UTF-8 lead byte", new byte[] {'{', '"', 'e', 'r', 'r', 'o', 'r', '"', ':', '"', (byte) 0xC3, '"', '}'}),
                arguments("UTF-16 byte order mark", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}),
                arguments("a continuation byte in a name", new byte[] {'{', '"', (byte) 0x80, '"', ':', '1', '}'}),
                arguments("random bytes", noise),
                arguments("a 5000-digit number", utf8("{\"n\":" + "9".repeat(5000) + "}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void notJson(String what, byte[] body) {
        assertThat(BodyClassifier.classify(body, false).shape()).isEqualTo(BodyShape.NOT_JSON);
    }

    static Stream<Arguments> tooDeep() {
        int over = BodyClassifier.MAX_NESTING + 1;
        return Stream.of(
                arguments("arrays one past the limit", "[".repeat(over) + "]".repeat(over)),
                arguments("unclosed objects", "{\"a\":".repeat(1000)),
                arguments("100000 unclosed arrays", "[".repeat(100_000)),
                arguments("a bomb inside a real chat completion",
                        Bodies.CHAT.replace("\"logprobs\":null", "\"logprobs\":" + "[".repeat(200) + "]".repeat(200))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void tooDeep(String what, String body) {
        assertThat(classify(body).shape()).isEqualTo(BodyShape.TOO_DEEP);
    }

    static Stream<Arguments> empty() {
        return Stream.of(arguments("no body", null), arguments("zero bytes", new byte[0]),
                arguments("whitespace only", utf8(" \r\n\t ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void empty(String what, byte[] body) {
        assertThat(BodyClassifier.classify(body, false)).isEqualTo(BodyFacts.of(BodyShape.EMPTY));
    }

    @Test
    void truncatedFlagWinsOverContent() {
        assertThat(BodyClassifier.classify(utf8(Bodies.CHAT), true).shape()).isEqualTo(BodyShape.TOO_LARGE);
        assertThat(BodyClassifier.classify(new byte[0], true).shape()).isEqualTo(BodyShape.TOO_LARGE);
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
