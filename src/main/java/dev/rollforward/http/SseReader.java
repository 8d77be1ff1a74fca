package dev.rollforward.http;

import dev.rollforward.vocabulary.SseEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Server-sent events as the HTML standard parses them, fed bytes as they arrive: lines end in
 * CR, LF or CRLF (also when a chunk splits the pair), a blank line dispatches the event,
 * {@code :} lines are comments, {@code data:} lines join with a line feed, one space after the
 * colon is dropped, unknown fields are ignored and an event without data is not dispatched. Pure:
 * no I/O, no clock. What is not yet a whole line stays buffered; the caller bounds the bytes fed.
 */
final class SseReader {

    private final Consumer<SseEvent> events;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean afterCr;
    private boolean firstLine = true;
    private String name;
    private StringBuilder data;

    SseReader(Consumer<SseEvent> events) {
        this.events = events;
    }

    void feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (afterCr && b == '\n') {
                afterCr = false;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\r' || b == '\n') {
                endLine();
            } else {
                line.write(b);
            }
        }
    }

    private void endLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (firstLine && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        firstLine = false;
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("event")) {
            name = value;
        } else if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
    }

    private void dispatch() {
        if (data != null) {
            events.accept(new SseEvent(name == null || name.isEmpty() ? null : name, data.toString()));
        }
        name = null;
        data = null;
    }
}
