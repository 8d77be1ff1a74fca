package dev.rollforward.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds each route's last whole verdict record (the last in file order) by reading the
 * evidence log backwards from its end, a block at a time, and stopping as soon as every route
 * asked for is found: a check reads only the tail of a log that has grown for years. A route
 * with no verdict in the log makes it read to the start once, looking only for a label in each
 * line and parsing nothing else.
 */
final class EvidenceTail {

    static final int BLOCK_BYTES = 64 * 1024;

    private static final byte[] LABEL_FIELD = "\"route_label\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LABEL_WORD = "route_label".getBytes(StandardCharsets.UTF_8);

    private final EvidenceSnapshot log;
    private final Set<String> wanted;
    private final Map<String, JsonNode> found = new HashMap<>();

    private EvidenceTail(EvidenceSnapshot log, Set<String> labels) {
        this.log = log;
        this.wanted = new HashSet<>(labels);
    }

    /** Label → its last whole verdict record; a label with none is absent from the map. */
    static Map<String, JsonNode> lastVerdicts(EvidenceSnapshot log, Set<String> labels) throws IOException {
        EvidenceTail tail = new EvidenceTail(log, labels);
        tail.scan();
        return tail.found;
    }

    private void scan() throws IOException {
        ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
        long position = log.size();
        // The start of the latest line not yet complete: it began in a block not read yet.
        byte[] carry = new byte[0];
        boolean carryTooLong = false;
        while (position > 0 && !wanted.isEmpty()) {
            int n = (int) Math.min(BLOCK_BYTES, position);
            position -= n;
            block.clear().limit(n);
            if (log.read(block, position) != n) {
                throw new IOException("the evidence log changed size while being read");
            }
            byte[] data = new byte[n + carry.length];
            System.arraycopy(block.array(), 0, data, 0, n);
            System.arraycopy(carry, 0, data, n, carry.length);
            int end = data.length;
            for (int i = data.length - 1; i >= 0 && !wanted.isEmpty(); i--) {
                if (data[i] == '\n') {
                    if (!carryTooLong) {
                        consider(data, i + 1, end - i - 1);
                    }
                    carryTooLong = false;
                    end = i;
                }
            }
            if (position == 0 && !carryTooLong) {
                consider(data, 0, end);
            } else if (end > EvidenceRecord.MAX_LINE_BYTES) {
                carryTooLong = true;
                carry = new byte[0];
            } else if (!carryTooLong) {
                carry = Arrays.copyOf(data, end);
            }
        }
    }

    /** Parses a line only when it names a route still looked for (or is not in our compact form). */
    private void consider(byte[] data, int offset, int length) {
        if (length == 0 || length > EvidenceRecord.MAX_LINE_BYTES) {
            return;
        }
        int at = indexOf(data, offset, length, LABEL_FIELD);
        if (at >= 0) {
            String label = labelAt(data, at + LABEL_FIELD.length, offset + length);
            if (label == null || !wanted.contains(label)) {
                return;
            }
        } else if (indexOf(data, offset, length, LABEL_WORD) < 0) {
            return;
        }
        JsonNode record = EvidenceRecord.parse(data, offset, length);
        if (record != null && EvidenceRecord.isVerdict(record)) {
            String label = record.get("route_label").asText();
            if (wanted.remove(label)) {
                found.put(label, record);
            }
        }
    }

    /** The label's JSON string up to its closing quote; labels need no escapes ([A-Za-z0-9._-]+). */
    private static String labelAt(byte[] data, int from, int end) {
        for (int i = from; i < end; i++) {
            if (data[i] == '"') {
                return new String(data, from, i - from, StandardCharsets.UTF_8);
            }
            if (data[i] == '\\') {
                return null;
            }
        }
        return null;
    }

    private static int indexOf(byte[] data, int offset, int length, byte[] needle) {
        int last = offset + length - needle.length;
        outer:
        for (int i = offset; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
