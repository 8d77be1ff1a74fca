package dev.rollforward.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The locks every writer and reader of an evidence log takes, so that no one ever sees or
 * makes half a route:
 * <ul>
 *   <li>between processes: a file lock (a POSIX record lock on Unix), exclusive to append,
 *       shared to find where the last whole route ends;</li>
 *   <li>within this JVM: a lock object per file, taken first, because a JVM holds a file lock
 *       for the whole process (a second channel's {@code lock()} throws
 *       {@link OverlappingFileLockException}) and, on POSIX systems, closing any channel on a
 *       file drops the process's locks on it. Every open, lock and close of the file from this
 *       JVM happens under that one lock.</li>
 * </ul>
 */
final class EvidenceLocks {

    /** Within one JVM: one lock per file, whatever path it was named by. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    /** How long to wait for a lock held by code in this JVM that bypassed {@link #IN_PROCESS}. */
    private static final long OVERLAP_WAIT_MS = 30_000;

    private EvidenceLocks() {
    }

    /** The in-JVM lock of {@code file}, not yet taken. */
    static ReentrantLock inProcess(Path file) {
        return IN_PROCESS.computeIfAbsent(key(file), k -> new ReentrantLock());
    }

    /** Blocks until no other process holds the file (to append). */
    static FileLock exclusive(FileChannel ch) throws IOException {
        return lock(ch, false);
    }

    /** Blocks until no other process is appending (to read up to a whole route). */
    static FileLock shared(FileChannel ch) throws IOException {
        return lock(ch, true);
    }

    /**
     * The key of the in-JVM lock: the file's real path, so that {@code log.jsonl},
     * {@code ./log.jsonl} and a symlink to it share one lock.
     */
    private static Path key(Path file) {
        return OutputFiles.identity(file);
    }

    /** A lock held elsewhere in this JVM (a path the key did not match, such as a hard link) is waited out. */
    private static FileLock lock(FileChannel ch, boolean shared) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OVERLAP_WAIT_MS);
        while (true) {
            try {
                return ch.lock(0L, Long.MAX_VALUE, shared);
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
}
