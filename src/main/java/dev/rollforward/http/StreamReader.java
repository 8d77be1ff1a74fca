package dev.rollforward.http;

import dev.rollforward.vocabulary.StreamFacts;
import dev.rollforward.vocabulary.StreamWatch;
import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads a streamed answer as it arrives, event by event, until its end marker, the body cap or
 * the attempt's deadline (the call timeout), whichever comes first. Each chunk is parsed and
 * dropped: no stream text outlives the read.
 */
final class StreamReader {

    private static final int CHUNK = 8192;

    /**
     * What reading a stream came to.
     *
     * @param truncated more than {@link BodyReader#BODY_CAP} bytes came without an end marker
     * @param bodyError null, or why the read stopped part way ({@code body_incomplete}, {@code body_deadline_exceeded})
     * @param ended     the end marker arrived, so the rest (if any) was left unread
     */
    record Result(StreamFacts facts, boolean truncated, String bodyError, boolean ended) {
    }

    private StreamReader() {
    }

    static Result read(ResponseBody body, StreamWatch watch) {
        boolean[] ended = {false};
        SseReader events = new SseReader(e -> ended[0] = ended[0] || watch.accept(e));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try {
            BufferedSource source = body.source();
            while (!ended[0]) {
                int n = source.read(chunk);
                if (n == -1) {
                    break;
                }
                total += n;
                if (total > BodyReader.BODY_CAP) {
                    return new Result(watch.facts(), true, null, false);
                }
                events.feed(chunk, 0, n);
            }
        } catch (IOException e) {
            return new Result(watch.facts(), false, BodyReader.bodyError(e), ended[0]);
        }
        return new Result(watch.facts(), false, null, ended[0]);
    }
}
