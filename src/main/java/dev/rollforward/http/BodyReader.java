package dev.rollforward.http;

import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.SendTrail;
import java.io.IOException;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Reads at most {@link #BODY_CAP} bytes of a body; the rest is never buffered. */
final class BodyReader {

    /** Real answers to a 16-token request are a few KiB; anything past 1 MiB is not one. */
    static final long BODY_CAP = 1024 * 1024;

    private static final long CHUNK = 8192;

    private BodyReader() {
    }

    /** Why reading a body stopped part way: the attempt's deadline, or anything else. */
    static String bodyError(IOException e) {
        return Failure.of(e).reason().equals("deadline_exceeded") ? "body_deadline_exceeded" : "body_incomplete";
    }

    static ResponseSnapshot.Answer snapshot(Response response, SendTrail trail) {
        Buffer buffer = new Buffer();
        boolean truncated = false;
        String bodyError = null;
        ResponseBody body = response.body();
        try {
            BufferedSource source = body.source();
            while (buffer.size() <= BODY_CAP && source.read(buffer, CHUNK) != -1) {
                // keep reading until the cap or the end
            }
            truncated = buffer.size() > BODY_CAP;
        } catch (IOException e) {
            bodyError = bodyError(e);
        }
        // A truncated body is judged as too large, never parsed: keep none of it.
        byte[] bytes = truncated ? new byte[0] : buffer.readByteArray();
        return new ResponseSnapshot.Answer(response.code(), response.headers().toMultimap(), bytes, truncated,
                bodyError, trail);
    }
}
