package dev.rollforward.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An evidence log opened read-only, up to where it ended at a moment no writer was part way
 * through a route. The file only grows, so those bytes never change: they are read afterwards
 * with no lock held, and writers are never kept waiting by a reader.
 */
final class EvidenceSnapshot implements Closeable {

    private final Path file;
    private final FileChannel channel;
    private final long size;
    private long bytesRead;

    private EvidenceSnapshot(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** @throws IOException when the file does not exist or cannot be read (a folder included) */
    static EvidenceSnapshot open(Path file) throws IOException {
        ReentrantLock local = EvidenceLocks.inProcess(file);
        local.lock();
        try {
            FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return new EvidenceSnapshot(file, ch, sizeBetweenWrites(ch));
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
        } finally {
            local.unlock();
        }
    }

    /** Where the file ends while no writer holds it; without file locks (some network file systems), where it ends now. */
    private static long sizeBetweenWrites(FileChannel ch) throws IOException {
        FileLock lock;
        try {
            lock = EvidenceLocks.shared(ch);
        } catch (IOException | UnsupportedOperationException e) {
            return ch.size();
        }
        try {
            return ch.size();
        } finally {
            lock.release();
        }
    }

    long size() {
        return size;
    }

    /** Reads bytes from {@code position} on, never past {@link #size()}; returns how many. */
    int read(ByteBuffer into, long position) throws IOException {
        int limit = (int) Math.min(into.remaining(), size - position);
        if (limit <= 0) {
            return 0;
        }
        ByteBuffer window = into.slice(into.position(), limit);
        int total = 0;
        while (window.hasRemaining()) {
            int n = channel.read(window, position + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        into.position(into.position() + total);
        bytesRead += total;
        return total;
    }

    /** How much of the file was read: a check reads the tail of a large log, not all of it. */
    long bytesRead() {
        return bytesRead;
    }

    /** Closing a channel drops this process's locks on the file (POSIX), so it happens under the in-JVM lock. */
    @Override
    public void close() throws IOException {
        ReentrantLock local = EvidenceLocks.inProcess(file);
        local.lock();
        try {
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
