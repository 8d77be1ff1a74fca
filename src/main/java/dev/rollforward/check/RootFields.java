package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level fields of a JSON object body that decide its shape, read in one streaming pass.
 * As in a tree, a repeated field counts by its last occurrence: each field resets what it decides.
 */
final class RootFields {

    /** Enough of an other object's top-level names for a gateway to recognise its own error body. */
    private static final int MAX_FIELD_NAMES = 16;

    /** The distinct top-level names, in the order they first appear (as a tree keeps them). */
    private final List<String> names = new ArrayList<>();

    private String object;
    private String id;
    private String model;
    private boolean usageObject;
    private boolean choicesArray;
    private boolean choicesNonEmpty;
    private String finishReason;
    private String status;
    private boolean statusTextual;
    private boolean outputArray;
    private boolean errorPresent;
    private boolean errorObject;
    private boolean errorTextual;
    private String errorCode;
    private String errorType;
    private boolean messageTextual;
    private String type;
    private String role;
    private boolean contentArray;
    private String stopReason;

    private RootFields() {
    }

    /** Reads the object whose START_OBJECT was just read, to its END_OBJECT. */
    static RootFields read(JsonParser p) throws IOException {
        RootFields f = new RootFields();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            if (f.names.size() < MAX_FIELD_NAMES && !f.names.contains(name)) {
                f.names.add(name);
            }
            JsonToken value = p.nextToken();
            if (value == null) {
                throw new IOException("unexpected end of the body");
            }
            switch (name) {
                case "object" -> f.object = BodyClassifier.text(p, value);
                case "id" -> f.id = BodyClassifier.text(p, value);
                case "model" -> f.model = BodyClassifier.text(p, value);
                case "usage" -> f.usageObject = container(p, value, JsonToken.START_OBJECT);
                case "output" -> f.outputArray = container(p, value, JsonToken.START_ARRAY);
                case "choices" -> f.readChoices(p, value);
                case "status" -> {
                    f.statusTextual = value == JsonToken.VALUE_STRING;
                    f.status = BodyClassifier.text(p, value);
                }
                case "type" -> f.type = BodyClassifier.text(p, value);
                case "role" -> f.role = BodyClassifier.text(p, value);
                case "content" -> f.contentArray = container(p, value, JsonToken.START_ARRAY);
                case "stop_reason" -> f.stopReason = BodyClassifier.text(p, value);
                case "error" -> f.readError(p, value);
                case "message" -> {
                    f.messageTextual = value == JsonToken.VALUE_STRING;
                    BodyClassifier.readValue(p, value);
                }
                default -> BodyClassifier.readValue(p, value);
            }
        }
        return f;
    }

    BodyFacts facts() {
        boolean idPresent = id != null && !id.isEmpty();
        // A success object that also carries an error (a failed response, a gateway's error wrapped in a
        // 200) is not a success: it is judged as the error it carries (CONTRACT §5).
        if (errorPresent) {
            return errorOrOther(true, idPresent);
        }
        if ("chat.completion".equals(object) && idPresent && choicesArray && choicesNonEmpty) {
            return new BodyFacts(BodyShape.CHAT_COMPLETION, model, true, finishReason, usageObject, null);
        }
        if ("response".equals(object) && idPresent && statusTextual && outputArray) {
            return new BodyFacts(BodyShape.RESPONSE, model, true, status, usageObject, null);
        }
        if ("message".equals(type) && idPresent && "assistant".equals(role) && contentArray) {
            return new BodyFacts(BodyShape.MESSAGE, model, true, stopReason, usageObject, null);
        }
        return errorOrOther(false, idPresent);
    }

    private BodyFacts errorOrOther(boolean withError, boolean idPresent) {
        if (withError && (errorObject || errorTextual) || messageTextual) {
            String code = errorCode == null || errorCode.isEmpty() ? errorType : errorCode;
            return new BodyFacts(BodyShape.ERROR_ENVELOPE, model, idPresent, status, usageObject,
                    withError && errorObject ? code : null);
        }
        return new BodyFacts(BodyShape.OTHER_JSON, model, idPresent, status, usageObject, null, names);
    }

    /** {@code choices}: an array, whether it has an element, and the first element's {@code finish_reason}. */
    private void readChoices(JsonParser p, JsonToken value) throws IOException {
        choicesArray = value == JsonToken.START_ARRAY;
        choicesNonEmpty = false;
        finishReason = null;
        if (!choicesArray) {
            BodyClassifier.readValue(p, value);
            return;
        }
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        choicesNonEmpty = true;
        if (first == JsonToken.START_OBJECT) {
            finishReason = texts(p, "finish_reason", null)[0];
        } else {
            BodyClassifier.readValue(p, first);
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            BodyClassifier.readValue(p, t);
        }
    }

    /** {@code error}: an object (with its {@code code} and {@code type}), a string, or neither; null is none. */
    private void readError(JsonParser p, JsonToken value) throws IOException {
        errorPresent = value != JsonToken.VALUE_NULL;
        errorObject = value == JsonToken.START_OBJECT;
        errorTextual = value == JsonToken.VALUE_STRING;
        String[] codeAndType = errorObject ? texts(p, "code", "type") : new String[2];
        if (!errorObject) {
            BodyClassifier.readValue(p, value);
        }
        errorCode = codeAndType[0];
        errorType = codeAndType[1];
    }

    /**
     * Reads the object whose START_OBJECT was just read, to its END_OBJECT: the text of the last
     * field named {@code first}, and of the last named {@code second}.
     */
    private static String[] texts(JsonParser p, String first, String second) throws IOException {
        String[] texts = new String[2];
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            String text = BodyClassifier.text(p, p.nextToken());
            if (name.equals(first)) {
                texts[0] = text;
            } else if (name.equals(second)) {
                texts[1] = text;
            }
        }
        return texts;
    }

    private static boolean container(JsonParser p, JsonToken value, JsonToken kind) throws IOException {
        BodyClassifier.readValue(p, value);
        return value == kind;
    }
}
