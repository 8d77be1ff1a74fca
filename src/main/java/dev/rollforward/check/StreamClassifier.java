package dev.rollforward.check;

import dev.rollforward.vocabulary.BodyFacts;
import dev.rollforward.vocabulary.BodyShape;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.SseEvent;
import dev.rollforward.vocabulary.StreamEnd;
import dev.rollforward.vocabulary.StreamFacts;
import dev.rollforward.vocabulary.StreamWatch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Follows one stream event by event and keeps only what the judgement needs (CONTRACT §3, §5):
 * the count, how it ended, and the id, model, completion marker and usage its events carried.
 * The event text is read and dropped. Never throws.
 */
public final class StreamClassifier implements StreamWatch {

    private final RequestFamily family;
    private int events;
    private StreamEnd end;
    private boolean familyEvents;
    private boolean notJson;
    private boolean idPresent;
    private String model;
    private String marker;
    private boolean usage;

    public StreamClassifier(RequestFamily family) {
        this.family = family;
    }

    @Override
    public boolean accept(SseEvent event) {
        if (end != null) {
            return true;
        }
        events++;
        String data = event.data().strip();
        JsonNode node = data.equals("[DONE]") ? null : readJson(data);
        if (node == null && !data.equals("[DONE]")) {
            notJson = true;
        }
        String type = event.name() != null ? event.name() : data.equals("[DONE]") ? data : text(node, "type");
        if (node != null && node.isObject() && node.hasNonNull("error")) {
            type = "error"; // an error chunk, whatever it calls itself
        }
        end = family.streamEnd(type);
        if (node != null && node.isObject()) {
            read(node);
        }
        return end != null;
    }

    private void read(JsonNode data) {
        // responses events carry the response object, message_start the message; chat chunks are their own.
        JsonNode carrier = data.path("response").isObject() ? data.get("response")
                : data.path("message").isObject() ? data.get("message") : data;
        idPresent |= !text(carrier, "id").isEmpty();
        model = text(carrier, "model").isEmpty() ? model : text(carrier, "model");
        usage |= carrier.path("usage").isObject() || data.path("usage").isObject();
        switch (family) {
            case CHAT -> {
                familyEvents |= "chat.completion.chunk".equals(text(data, "object"));
                markerFrom(data.path("choices").path(0).path("finish_reason"));
            }
            case RESPONSES -> {
                familyEvents |= "response".equals(text(carrier, "object"));
                markerFrom(carrier.path("status"));
            }
            case MESSAGES -> {
                familyEvents |= "message".equals(text(carrier, "type")) && "assistant".equals(text(carrier, "role"));
                markerFrom(data.path("delta").path("stop_reason"));
            }
        }
    }

    private void markerFrom(JsonNode node) {
        if (node.isTextual()) {
            marker = node.asText();
        }
    }

    @Override
    public StreamFacts facts() {
        BodyShape shape = end == StreamEnd.ERROR ? BodyShape.ERROR_ENVELOPE
                : notJson ? BodyShape.NOT_JSON
                : familyEvents && idPresent ? family.successShape() : BodyShape.OTHER_JSON;
        return new StreamFacts(events, end, new BodyFacts(shape, model, idPresent, marker, usage, null));
    }

    /** One JSON value under the same limits as a body; null when the text is not one. */
    static JsonNode readJson(String text) {
        try {
            JsonNode node = Trees.MAPPER.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Made on the first stream event: a check of plain routes never pays for a tree mapper. */
    private static final class Trees {
        static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(BodyClassifier.LIMITS).build())
                // An event with more after its JSON value is not a JSON event.
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }
}
