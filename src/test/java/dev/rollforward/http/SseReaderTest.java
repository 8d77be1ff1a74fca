package dev.rollforward.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.StreamBodies;
import dev.rollforward.vocabulary.SseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSE parsing rules of the HTML standard that real gateways lean on. */
class SseReaderTest {

    static List<SseEvent> read(String text, int chunk) {
        List<SseEvent> events = new ArrayList<>();
        SseReader reader = new SseReader(events::add);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += chunk) {
            reader.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        return events;
    }

    @Test
    void multiLineDataJoinsWithLineFeeds() {
        assertThat(read("data: {\"a\":\ndata: 1}\n\n", 1000)).containsExactly(new SseEvent(null, "{\"a\":\n1}"));
    }

    @Test
    void commentsAreSkippedAndEventNamesKept() {
        assertThat(read(": keep-alive\n\nevent: ping\n: OPENROUTER PROCESSING\ndata: {}\n\n", 1000))
                .containsExactly(new SseEvent("ping", "{}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\r", "\n"})
    void everyLineEndingWorks(String eol) {
        String text = "event: message_stop" + eol + "data: {\"type\":\"message_stop\"}" + eol + eol;
        assertThat(read(text, 1000)).containsExactly(new SseEvent("message_stop", "{\"type\":\"message_stop\"}"));
    }

    @Test
    void aCrlfSplitAcrossChunksIsOneLineEnd() {
        // One byte at a time puts CR and LF in different chunks: still one line end, so no early dispatch.
        assertThat(read("data: a\r\ndata: b\r\n\r\n", 1)).containsExactly(new SseEvent(null, "a\nb"));
    }

    @Test
    void onlyOneSpaceAfterTheColonIsDropped() {
        assertThat(read("data:x\n\ndata:  y\n\ndata\n\n", 1000))
                .containsExactly(new SseEvent(null, "x"), new SseEvent(null, " y"), new SseEvent(null, ""));
    }

    @Test
    void anEventWithoutDataIsNotDispatchedAndTheNameDoesNotLeak() {
        assertThat(read("event: ping\n\ndata: 1\n\n", 1000)).containsExactly(new SseEvent(null, "1"));
    }

    @Test
    void unknownFieldsIdAndRetryAreIgnored() {
        assertThat(read("id: 7\nretry: 100\nfoo: bar\ndata: 1\n\n", 1000)).containsExactly(new SseEvent(null, "1"));
    }

    @Test
    void anUnfinishedEventIsNotDispatched() {
        assertThat(read("data: 1\n\ndata: 2\n", 1000)).containsExactly(new SseEvent(null, "1"));
    }

    @Test
    void aByteOrderMarkAtTheStartIsDropped() {
        assertThat(read("\uFEFFevent: x\ndata: 1\n\n", 1000)).containsExactly(new SseEvent("x", "1"));
    }

    @Test
    void multiByteCharactersSplitAcrossChunksSurvive() {
        assertThat(read("data: 無効な\n\n", 1)).containsExactly(new SseEvent(null, "無効な"));
    }

    @Test
    void theRealStreamsGiveOneEventPerBlankLineWhateverTheChunking() {
        for (int chunk : new int[] {1, 7, 64, 100_000}) {
            assertThat(read(StreamBodies.CHAT, chunk)).hasSize(5).last().isEqualTo(new SseEvent(null, "[DONE]"));
            assertThat(read(StreamBodies.RESPONSES, chunk)).hasSize(6).last().extracting(SseEvent::name)
                    .isEqualTo("response.completed");
            assertThat(read(StreamBodies.MESSAGES, chunk)).hasSize(7).last().extracting(SseEvent::name)
                    .isEqualTo("message_stop");
        }
    }
}
