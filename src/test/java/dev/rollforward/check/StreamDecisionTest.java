package dev.rollforward.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.Expectations;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.ShapeSeen;
import dev.rollforward.vocabulary.StreamFacts;
import dev.rollforward.vocabulary.TestRoutes;
import dev.rollforward.vocabulary.TestTrails;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CONTRACT §5's stream rows, for each family, on a route with {@code stream: true}. */
class StreamDecisionTest {

    private static final Expectations HOST_ONLY = Snaps.HOST_ONLY;

    private static String whole(RequestFamily family) {
        return switch (family) {
            case CHAT -> StreamBodies.CHAT;
            case RESPONSES -> StreamBodies.RESPONSES;
            case MESSAGES -> StreamBodies.MESSAGES;
        };
    }

    private static String failing(RequestFamily family) {
        return switch (family) {
            case CHAT -> StreamBodies.CHAT_ERROR;
            case RESPONSES -> StreamBodies.RESPONSES_FAILED;
            case MESSAGES -> StreamBodies.MESSAGES_ERROR;
        };
    }

    private static ResponseSnapshot.Answer streamed(RequestFamily family, String stream, String bodyError) {
        StreamFacts facts = StreamClassifierTest.follow(family, stream);
        return new ResponseSnapshot.Answer(200, Map.of("content-type", List.of("text/event-stream")), new byte[0],
                false, bodyError, TestTrails.answered(Snaps.HOST, 200, Resends.NONE), facts);
    }

    private static AttemptResult happy(RequestFamily family, ResponseSnapshot snap) {
        return Evaluator.evaluate(Phase.HAPPY_PATH, TestRoutes.streaming(family, HOST_ONLY), snap, Snaps.T0, 5);
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void aWholeStreamPromotesWithTheExpectedShape(RequestFamily family) {
        AttemptResult a = happy(family, streamed(family, whole(family), null));
        assertThat(a.judgement().decision()).isEqualTo(Decision.PROMOTE);
        assertThat(a.judgement().reasons()).isEmpty();
        assertThat(a.shapeSeen()).isEqualTo(ShapeSeen.EXPECTED);
        assertThat(a.facts().idPresent()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void aStreamCutBeforeItsEndMarkerHolds(RequestFamily family) {
        AttemptResult a = happy(family, streamed(family, StreamBodies.cut(whole(family)), null));
        assertThat(a.judgement().decision()).isEqualTo(Decision.HOLD);
        assertThat(a.judgement().reasons()).containsExactly("stream_cut_short");
        assertThat(a.shapeSeen()).isEqualTo(ShapeSeen.UNEXPECTED);
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void aStreamDroppedMidWayHoldsWithWhy(RequestFamily family) {
        AttemptResult a = happy(family, streamed(family, StreamBodies.cut(whole(family)), "body_deadline_exceeded"));
        assertThat(a.judgement().decision()).isEqualTo(Decision.HOLD);
        assertThat(a.judgement().reasons()).containsExactly("stream_cut_short", "body_deadline_exceeded");
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void anErrorInTheStreamStays(RequestFamily family) {
        AttemptResult a = happy(family, streamed(family, failing(family), null));
        assertThat(a.judgement().decision()).isEqualTo(Decision.STAY);
        assertThat(a.judgement().reasons()).containsExactly("stream_error");
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void aPlainJsonAnswerWhereAStreamWasAskedHolds(RequestFamily family) {
        String body = switch (family) {
            case CHAT -> Bodies.CHAT;
            case RESPONSES -> Bodies.RESPONSE;
            case MESSAGES -> StreamBodies.MESSAGE;
        };
        ResponseSnapshot.Answer buffered = new ResponseSnapshot.Answer(200,
                Map.of("content-type", List.of("application/json")), body.getBytes(StandardCharsets.UTF_8), false, null,
                TestTrails.answered(Snaps.HOST, 200, Resends.NONE));
        AttemptResult a = happy(family, buffered);
        assertThat(a.judgement().decision()).isEqualTo(Decision.HOLD);
        assertThat(a.judgement().reasons()).containsExactly("not_a_stream");
        assertThat(a.shapeSeen()).isEqualTo(ShapeSeen.UNEXPECTED);
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void anotherFamilysStreamHolds(RequestFamily family) {
        RequestFamily other = family == RequestFamily.CHAT ? RequestFamily.MESSAGES : RequestFamily.CHAT;
        AttemptResult a = happy(family, streamed(family, whole(other), null));
        assertThat(a.judgement().decision()).isEqualTo(Decision.HOLD);
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void aStreamForTheDisabledKeyIsStillAnAcceptedKey(RequestFamily family) {
        AttemptResult a = Evaluator.evaluate(Phase.ERROR_PATH, TestRoutes.streaming(family, HOST_ONLY),
                streamed(family, whole(family), null), Snaps.T0, 5);
        assertThat(a.judgement().decision()).isEqualTo(Decision.STAY);
        assertThat(a.judgement().reasons()).containsExactly("disabled_credential_accepted");
    }

    @ParameterizedTest
    @EnumSource(RequestFamily.class)
    void aStreamOnARouteThatDidNotAskIsNotJson(RequestFamily family) {
        ResponseSnapshot.Answer sse = new ResponseSnapshot.Answer(200,
                Map.of("content-type", List.of("text/event-stream")), whole(family).getBytes(StandardCharsets.UTF_8),
                false, null, TestTrails.answered(Snaps.HOST, 200, Resends.NONE));
        AttemptResult a = Evaluator.evaluate(Phase.HAPPY_PATH, TestRoutes.route(family, HOST_ONLY), sse, Snaps.T0, 5);
        assertThat(a.judgement().decision()).isEqualTo(Decision.HOLD);
        assertThat(a.judgement().reasons()).containsExactly("not_json");
    }
}
