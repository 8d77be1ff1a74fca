package dev.rollforward.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rollforward.check.StreamClassifier;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.SseEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSE reader and the stream classifier read whatever a gateway streams, inside the transport:
 * an exception there would end the run as an internal error. They must never throw, and how the
 * bytes are split into chunks must never change the events.
 *
 * <p>Seeds (the real chat, responses and messages streams, and broken ones) are in
 * {@code src/test/resources/dev/rollforward/http/SseReaderFuzzTestInputs/read/}. To fuzz:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B test -Dtest='SseReaderFuzzTest#read' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class SseReaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void read(byte[] input) {
        List<SseEvent> whole = new ArrayList<>();
        new SseReader(whole::add).feed(input, 0, input.length);
        int chunk = input.length == 0 ? 1 : 1 + (input[0] & 0x0f);
        List<SseEvent> chunked = new ArrayList<>();
        SseReader reader = new SseReader(chunked::add);
        for (int i = 0; i < input.length; i += chunk) {
            reader.feed(input, i, Math.min(chunk, input.length - i));
        }
        assertThat(chunked).isEqualTo(whole);
        for (RequestFamily family : RequestFamily.values()) {
            StreamClassifier stream = new StreamClassifier(family);
            for (SseEvent e : whole) {
                if (stream.accept(e)) {
                    break;
                }
            }
            assertThat(stream.facts().eventsSeen()).isBetween(0, whole.size());
        }
    }
}
