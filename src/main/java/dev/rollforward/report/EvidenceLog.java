package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.RouteResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code --evidence-log FILE}: the run's records, identical to stdout's, appended as JSON Lines.
 *
 * <p>The file is never truncated. A route's lines (its attempts, then its verdict) go out in
 * one write while an exclusive lock is held, so several rollforward runs appending to the same
 * file at once never interleave or tear a line:
 * <ul>
 *   <li>between processes: {@link FileChannel#lock()} (a POSIX record lock on Unix);</li>
 *   <li>within this JVM: a lock object per file, taken first, because a JVM holds a file lock
 *       for the whole process (a second channel's {@code lock()} throws
 *       {@link OverlappingFileLockException}) and, on POSIX systems, closing any channel on a
 *       file drops the process's locks on it. Every open, lock, write and close of the file
 *       from this JVM happens under that one lock.</li>
 * </ul>
 * The file is opened with {@code O_APPEND} for each route, so a writer that does not lock
 * (a shell's {@code >>}) still cannot be overwritten. If an earlier writer died part way
 * through a line, a newline is put first so that our records still start on a line of their own.
 *
 * <p>Any failure is an {@link OutputFileException} naming the file: never a silent loss.
 */
public final class EvidenceLog implements ResultSink {

    static final String WHAT = "evidence log";

    /** Within one JVM: one lock per file, whatever path it was named by. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** How long to wait for a lock held by code in this JVM that bypassed {@link #IN_PROCESS}. */
    private static final long OVERLAP_WAIT_MS = 30_000;

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
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key(), k -> new ReentrantLock());
        local.lock();
        try (FileChannel out = OutputFiles.appending(file);
             FileChannel in = openForReading()) {
            FileLock lock = lock(out);
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

    /** The key of the in-JVM lock: the file, whatever path names it. */
    private Path key() {
        return OutputFiles.identity(file);
    }

    /**
     * Blocks until no other process holds the file. A lock held elsewhere in this JVM (a path
     * the in-JVM key did not match, such as a hard link) is waited out rather than failed.
     */
    private FileLock lock(FileChannel ch) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OVERLAP_WAIT_MS);
        while (true) {
            try {
                return ch.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the file stayed locked by another writer in this process", e);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the file lock", ie);
                }
            }
        }
    }

    private static boolean endsWithNewline(FileChannel in, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return in.read(last, size - 1) != 1 || last.get(0) == '\n';
    }
}
