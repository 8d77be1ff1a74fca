package dev.rollforward.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import java.io.IOException;

/**
 * Classifies a response body against the shapes of CONTRACT §5. Never throws.
 *
 * <p>One pass of Jackson's streaming parser over the whole body: it keeps the few top-level facts
 * the shapes need ({@link RootFields}) and reads every other value to its end, so a body is JSON
 * only if all of it is, exactly as reading it into a tree would decide, without building one
 * (a tree mapper costs a check ~300 classes and tens of milliseconds of start-up).
 */
public final class BodyClassifier {

    /** Deep nesting is a JSON bomb, not an API answer: real shapes nest fewer than 10 levels. */
    static final int MAX_NESTING = 64;

    /** What a body (or a stream event) may be: the nesting limit, and no absurd number, string or name. */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(64)
            .maxStringLength(2 * 1024 * 1024)
            .maxNameLength(1024)
            .build();

    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    private BodyClassifier() {
    }

    public static BodyFacts classify(byte[] body, boolean truncated) {
        if (truncated) {
            return BodyFacts.of(BodyShape.TOO_LARGE);
        }
        if (body == null || body.length == 0 || isBlank(body)) {
            return BodyFacts.of(BodyShape.EMPTY);
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return BodyFacts.of(BodyShape.NOT_JSON);
            }
            RootFields root = first == JsonToken.START_OBJECT ? RootFields.read(parser) : null;
            if (root == null) {
                readValue(parser, first);
            }
            // A body with more after its JSON value (a second object, an HTML tail) is not a JSON body.
            if (parser.nextToken() != null) {
                return BodyFacts.of(BodyShape.NOT_JSON);
            }
            return root == null ? BodyFacts.of(BodyShape.OTHER_JSON) : root.facts();
        } catch (StreamConstraintsException e) {
            // Nesting is the JSON bomb; an absurd number or name length is just not an API body.
            return BodyFacts.of(String.valueOf(e.getMessage()).contains("nesting") ? BodyShape.TOO_DEEP : BodyShape.NOT_JSON);
        } catch (IOException | RuntimeException e) {
            return BodyFacts.of(BodyShape.NOT_JSON);
        }
    }

    /**
     * Reads the value that starts at {@code token} to its end. Every string and number is decoded,
     * so that bad UTF-8 or an absurd number anywhere makes the body not JSON, as in a tree.
     */
    static void readValue(JsonParser parser, JsonToken token) throws IOException {
        int depth = 0;
        JsonToken t = token;
        while (true) {
            if (t == null) {
                throw new IOException("unexpected end of the body");
            }
            if (t.isStructStart()) {
                depth++;
            } else if (t.isStructEnd()) {
                depth--;
            } else {
                scalar(parser, t);
            }
            if (depth == 0) {
                return;
            }
            t = parser.nextToken();
        }
    }

    /**
     * The value at {@code token} as text, as a tree's {@code asText()} gives it for a string or a
     * number; null for anything else. The value is read to its end either way.
     */
    static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token.isStructStart()) {
            readValue(parser, token);
            return null;
        }
        return scalar(parser, token);
    }

    private static String scalar(JsonParser parser, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue().toString();
            case VALUE_NUMBER_FLOAT -> Double.toString(parser.getDoubleValue());
            default -> null;
        };
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
