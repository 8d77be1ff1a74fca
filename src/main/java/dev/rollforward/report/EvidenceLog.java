package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.RouteResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code --evidence-log FILE}: the run's records, identical to stdout's, appended as JSON Lines.
 *
 * <p>The file is never truncated. A route's lines (its attempts, then its verdict) go out in
 * one write while both {@link EvidenceLocks} are held, so several rollforward runs appending to
 * the same file at once never interleave or tear a line, and a reader never sees half a route.
 * The file is opened with {@code O_APPEND} for each route, so a writer that does not lock
 * (a shell's {@code >>}) still cannot be overwritten. If an earlier writer died part way
 * through a line, a newline is put first so that our records still start on a line of their own.
 *
 * <p>Any failure is an {@link OutputFileException} naming the file: never a silent loss.
 */
public final class EvidenceLog implements ResultSink {

    static final String WHAT = "evidence log";

    private final Path file;
    private final RecordJson json;
    private final Redactor redactor;

    public EvidenceLog(Path file, RecordJson json, Redactor redactor) {
        this.file = file;
        this.json = json;
        this.redactor = redactor;
    }

    /** Creates the parent folders and the file (appending nothing): a path that cannot work fails before any request. */
    public void checkWritable() {
        append("");
    }

    @Override
    public void accept(RouteResult result) {
        StringBuilder lines = new StringBuilder(1024);
        for (String line : json.lines(result)) {
            lines.append(redactor.redact(line)).append('\n');
        }
        append(lines.toString());
    }

    /** Appends whole lines (or nothing, to create the file) under both locks. */
    void append(String lines) {
        OutputFiles.parentOf(file, WHAT);
        ReentrantLock local = EvidenceLocks.inProcess(file);
        local.lock();
        try (FileChannel out = OutputFiles.appending(file);
             FileChannel in = openForReading()) {
            FileLock lock = EvidenceLocks.exclusive(out);
            try {
                if (!lines.isEmpty()) {
                    long size = out.size();
                    boolean torn = size > 0 && in != null && !endsWithNewline(in, size);
                    String text = torn ? "\n" + lines : lines;
                    OutputFiles.writeFully(out, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                }
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new OutputFileException(WHAT, file, e);
        } finally {
            local.unlock();
        }
    }

    /** Only to see whether the file ends mid-line; a file we may append to but not read is still written. */
    private FileChannel openForReading() {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean endsWithNewline(FileChannel in, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return in.read(last, size - 1) != 1 || last.get(0) == '\n';
    }
}
