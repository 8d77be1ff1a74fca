package dev.rollforward.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.SseEvent;
import dev.rollforward.vocabulary.StreamEnd;
import dev.rollforward.vocabulary.StreamFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a stream's events say, per family, in the upstreams' own dialects. */
class StreamClassifierTest {

    private static final Pattern EVENT = Pattern.compile("(?:event: (\\S+)\\n)?data: (.*)\\n\\n");

    /** The fixtures are simple LF streams; the SSE rules themselves are SseReaderTest's. */
    static List<SseEvent> events(String stream) {
        List<SseEvent> events = new ArrayList<>();
        Matcher m = EVENT.matcher(stream);
        while (m.find()) {
            events.add(new SseEvent(m.group(1), m.group(2)));
        }
        return events;
    }

    static StreamFacts follow(RequestFamily family, String stream) {
        StreamClassifier c = new StreamClassifier(family);
        for (SseEvent e : events(stream)) {
            if (c.accept(e)) {
                break;
            }
        }
        return c.facts();
    }

    @Test
    void aWholeChatStreamEndsDoneWithItsFacts() {
        StreamFacts f = follow(RequestFamily.CHAT, StreamBodies.CHAT);
        assertThat(f.end()).isEqualTo(StreamEnd.DONE);
        assertThat(f.eventsSeen()).isEqualTo(5);
        assertThat(f.facts().shape()).isEqualTo(BodyShape.CHAT_COMPLETION);
        assertThat(f.facts().model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(f.facts().idPresent()).isTrue();
        assertThat(f.facts().completionMarker()).isEqualTo("stop");
        assertThat(f.facts().usagePresent()).isTrue();
    }

    @Test
    void aWholeResponsesStreamEndsCompleted() {
        StreamFacts f = follow(RequestFamily.RESPONSES, StreamBodies.RESPONSES);
        assertThat(f.end()).isEqualTo(StreamEnd.COMPLETED);
        assertThat(f.eventsSeen()).isEqualTo(6);
        assertThat(f.facts().shape()).isEqualTo(BodyShape.RESPONSE);
        assertThat(f.facts().completionMarker()).isEqualTo("completed");
        assertThat(f.facts().usagePresent()).isTrue();
    }

    @Test
    void anIncompleteResponseIsStillAWholeStream() {
        StreamFacts f = follow(RequestFamily.RESPONSES, StreamBodies.RESPONSES_INCOMPLETE);
        assertThat(f.end()).isEqualTo(StreamEnd.INCOMPLETE);
        assertThat(f.facts().shape()).isEqualTo(BodyShape.RESPONSE);
        assertThat(f.facts().completionMarker()).isEqualTo("incomplete");
    }

    @Test
    void aWholeMessagesStreamEndsMessageStopPingIncluded() {
        StreamFacts f = follow(RequestFamily.MESSAGES, StreamBodies.MESSAGES);
        assertThat(f.end()).isEqualTo(StreamEnd.MESSAGE_STOP);
        assertThat(f.eventsSeen()).isEqualTo(7);
        assertThat(f.facts().shape()).isEqualTo(BodyShape.MESSAGE);
        assertThat(f.facts().model()).isEqualTo("claude-3-5-haiku-20241022");
        assertThat(f.facts().completionMarker()).isEqualTo("end_turn");
        assertThat(f.facts().usagePresent()).isTrue();
    }

    @Test
    void errorsEndTheStreamAsAnError() {
        assertThat(follow(RequestFamily.CHAT, StreamBodies.CHAT_ERROR).end()).isEqualTo(StreamEnd.ERROR);
        assertThat(follow(RequestFamily.RESPONSES, StreamBodies.RESPONSES_FAILED).end()).isEqualTo(StreamEnd.ERROR);
        assertThat(follow(RequestFamily.RESPONSES, "event: error\ndata: {\"type\":\"error\",\"code\":\"server_error\","
                + "\"message\":\"x\",\"sequence_number\":1}\n\n").end()).isEqualTo(StreamEnd.ERROR);
        StreamFacts messages = follow(RequestFamily.MESSAGES, StreamBodies.MESSAGES_ERROR);
        assertThat(messages.end()).isEqualTo(StreamEnd.ERROR);
        assertThat(messages.eventsSeen()).isEqualTo(4);
        assertThat(messages.facts().shape()).isEqualTo(BodyShape.ERROR_ENVELOPE);
    }

    @Test
    void aCutStreamHasNoEnd() {
        assertThat(follow(RequestFamily.CHAT, StreamBodies.cut(StreamBodies.CHAT)).end()).isNull();
        assertThat(follow(RequestFamily.RESPONSES, StreamBodies.cut(StreamBodies.RESPONSES)).end()).isNull();
        StreamFacts messages = follow(RequestFamily.MESSAGES, StreamBodies.cut(StreamBodies.MESSAGES));
        assertThat(messages.end()).isNull();
        assertThat(messages.eventsSeen()).isEqualTo(6);
    }

    @Test
    void anotherFamilysStreamIsNotTheExpectedShapeNorItsEnd() {
        StreamFacts f = follow(RequestFamily.MESSAGES, StreamBodies.CHAT);
        assertThat(f.end()).isNull();
        assertThat(f.facts().shape()).isEqualTo(BodyShape.OTHER_JSON);
        assertThat(follow(RequestFamily.RESPONSES, StreamBodies.MESSAGES).facts().shape()).isEqualTo(BodyShape.OTHER_JSON);
    }

    @Test
    void eventsAfterTheEndAreNotCounted() {
        StreamClassifier c = new StreamClassifier(RequestFamily.CHAT);
        events(StreamBodies.CHAT).forEach(c::accept);
        assertThat(c.accept(new SseEvent(null, "{}"))).isTrue();
        assertThat(c.facts().eventsSeen()).isEqualTo(5);
    }

    @Test
    void noEventTextIsKept() {
        assertThat(follow(RequestFamily.MESSAGES, StreamBodies.MESSAGES).toString())
                .doesNotContain("text_delta").doesNotContain("\"ok\"");
    }
}
