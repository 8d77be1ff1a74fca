package dev.rollforward.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The lines of an evidence log, start to end, a block at a time: memory stays bounded by the
 * longest line kept ({@link EvidenceRecord#MAX_LINE_BYTES}), however large the log.
 */
final class EvidenceLines {

    /** Told each line, without its line break; a line too long to be a record is only counted. */
    interface Visitor {
        void line(byte[] data, int offset, int length);

        void tooLong();
    }

    private EvidenceLines() {
    }

    /** @return true when the log ends part way through a line (a writer died, or another tool wrote it) */
    static boolean forEach(EvidenceSnapshot log, Visitor visitor) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(EvidenceTail.BLOCK_BYTES);
        byte[] data = block.array();
        Partial partial = new Partial();
        long position = 0;
        while (position < log.size()) {
            block.clear();
            int n = log.read(block, position);
            if (n <= 0) {
                throw new IOException("the evidence log ended before its size");
            }
            position += n;
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (data[i] == '\n') {
                    if (partial.isEmpty()) {
                        visitor.line(data, start, i - start);
                    } else {
                        partial.add(data, start, i - start);
                        partial.emit(visitor);
                    }
                    start = i + 1;
                }
            }
            partial.add(data, start, n - start);
        }
        boolean midLine = !partial.isEmpty();
        partial.emit(visitor);
        return midLine;
    }

    /** The start of a line that goes on in the next block, up to the limit; past it, only that it was too long. */
    private static final class Partial {
        private byte[] bytes = new byte[1024];
        private int length;
        private boolean tooLong;

        boolean isEmpty() {
            return length == 0 && !tooLong;
        }

        void add(byte[] data, int offset, int n) {
            if (tooLong || n == 0) {
                return;
            }
            if (length + n > EvidenceRecord.MAX_LINE_BYTES) {
                tooLong = true;
                length = 0;
                bytes = new byte[1024];
                return;
            }
            if (length + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
            }
            System.arraycopy(data, offset, bytes, length, n);
            length += n;
        }

        void emit(Visitor visitor) {
            if (tooLong) {
                visitor.tooLong();
            } else if (length > 0) {
                visitor.line(bytes, 0, length);
            }
            tooLong = false;
            length = 0;
        }
    }
}
