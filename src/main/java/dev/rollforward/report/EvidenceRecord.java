package dev.rollforward.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A line of an evidence log read back. A whole record is one JSON object with a string
 * {@code record} and a string {@code route_label}, and nothing after it; anything else (a line
 * torn by a writer that died, or another tool's JSON) is not a record, and is skipped.
 */
final class EvidenceRecord {

    /** A record is under 2 KiB; a longer line is not ours, and is skipped without being held in memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private EvidenceRecord() {
    }

    /** The record on this line, or null when the line is not a whole record. */
    static JsonNode parse(byte[] line, int offset, int length) {
        JsonNode node;
        try {
            node = JSON.readTree(line, offset, length);
        } catch (IOException e) {
            return null;
        }
        if (node == null || !node.isObject() || !node.path("record").isTextual() || !node.path("route_label").isTextual()) {
            return null;
        }
        return node;
    }

    static boolean isVerdict(JsonNode record) {
        return "verdict".equals(record.path("record").asText());
    }

    /** A compact record of our own writing, parsed back (to compare it as a reader of the log would). */
    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a record we wrote is not JSON", e);
        }
    }

    /** A field's text, or null when absent or null; a number or a list is shown as its JSON. */
    static String text(JsonNode record, String... path) {
        JsonNode n = record;
        for (String p : path) {
            n = n.path(p);
        }
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    static boolean isBlank(byte[] line, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
