package dev.rollforward.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Classifies a response body against the shapes of CONTRACT §5. Never throws. */
public final class BodyClassifier {

    /** Deep nesting is a JSON bomb, not an API answer: real shapes nest fewer than 10 levels. */
    static final int MAX_NESTING = 64;

    private static final int MAX_FIELD_NAMES = 16;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(64)
                    .maxStringLength(2 * 1024 * 1024)
                    .maxNameLength(1024)
                    .build())
            .build())
            // A body with more after its JSON value (a second object, an HTML tail) is not a JSON body.
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private BodyClassifier() {
    }

    public static BodyFacts classify(byte[] body, boolean truncated) {
        if (truncated) {
            return BodyFacts.of(BodyShape.TOO_LARGE);
        }
        if (body == null || body.length == 0 || isBlank(body)) {
            return BodyFacts.of(BodyShape.EMPTY);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            // Nesting is the JSON bomb; an absurd number or name length is just not an API body.
            return BodyFacts.of(String.valueOf(e.getMessage()).contains("nesting") ? BodyShape.TOO_DEEP : BodyShape.NOT_JSON);
        } catch (IOException | RuntimeException e) {
            return BodyFacts.of(BodyShape.NOT_JSON);
        }
        if (root == null || !root.isObject()) {
            return BodyFacts.of(root == null || root.isMissingNode() ? BodyShape.NOT_JSON : BodyShape.OTHER_JSON);
        }
        return factsOf(root);
    }

    private static BodyFacts factsOf(JsonNode root) {
        String object = text(root.get("object"));
        boolean idPresent = nonEmptyText(root.get("id"));
        String model = text(root.get("model"));
        boolean usage = root.path("usage").isObject();
        // A success object that also carries an error (a failed response, a gateway's error wrapped in a
        // 200) is not a success: it is judged as the error it carries (CONTRACT §5).
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            return errorOrOther(root, error, model, idPresent, usage);
        }
        if ("chat.completion".equals(object) && idPresent
                && root.path("choices").isArray() && !root.path("choices").isEmpty()) {
            String finish = text(root.path("choices").path(0).get("finish_reason"));
            return new BodyFacts(BodyShape.CHAT_COMPLETION, model, true, finish, usage, null);
        }
        if ("response".equals(object) && idPresent
                && root.path("status").isTextual() && root.path("output").isArray()) {
            return new BodyFacts(BodyShape.RESPONSE, model, true, root.get("status").asText(), usage, null);
        }
        if ("message".equals(text(root.get("type"))) && idPresent && "assistant".equals(text(root.get("role")))
                && root.path("content").isArray()) {
            return new BodyFacts(BodyShape.MESSAGE, model, true, text(root.get("stop_reason")), usage, null);
        }
        return errorOrOther(root, null, model, idPresent, usage);
    }

    /** One JSON value under the same limits as a body; null when the text is not one. */
    static JsonNode readJson(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BodyFacts errorOrOther(JsonNode root, JsonNode error, String model, boolean idPresent, boolean usage) {
        String marker = text(root.get("status"));
        if (error != null && (error.isObject() || error.isTextual()) || root.path("message").isTextual()) {
            return new BodyFacts(BodyShape.ERROR_ENVELOPE, model, idPresent, marker, usage, errorCode(error));
        }
        return new BodyFacts(BodyShape.OTHER_JSON, model, idPresent, marker, usage, null, fieldNames(root));
    }

    /** The first few top-level names: enough for a gateway to recognise its own error body. */
    private static List<String> fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext() && names.size() < MAX_FIELD_NAMES; ) {
            names.add(it.next());
        }
        return names;
    }

    private static String errorCode(JsonNode error) {
        if (error == null || !error.isObject()) {
            return null;
        }
        String code = text(error.get("code"));
        return code == null || code.isEmpty() ? text(error.get("type")) : code;
    }

    private static String text(JsonNode node) {
        return node != null && (node.isTextual() || node.isNumber()) ? node.asText() : null;
    }

    private static boolean nonEmptyText(JsonNode node) {
        String t = text(node);
        return t != null && !t.isEmpty();
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
