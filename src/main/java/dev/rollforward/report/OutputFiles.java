package dev.rollforward.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The file handling the report writers share: parent folders, whole-file replacement, appends. */
final class OutputFiles {

    private static final Set<PosixFilePermission> DEFAULT_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private OutputFiles() {
    }

    /**
     * Which file {@code file} is, whatever it was called: its real path, so that {@code log.jsonl},
     * {@code ./log.jsonl} and a symlink to it are one file. A file not made yet is named by its
     * folder's real path; a folder not made yet, by the path as it is.
     */
    static Path identity(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path parent = absolute.getParent();
            return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Creates the folders {@code file} will live in; a file in the way is an error naming {@code file}. */
    static Path parentOf(Path file, String what) {
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new OutputFileException(what, file, e);
        }
        return parent;
    }

    /** Fails early, before anything is sent, when {@code file} could not be written later. */
    static void checkReplaceable(Path file, String what) {
        Path parent = parentOf(file, what);
        if (Files.isDirectory(file)) {
            throw new OutputFileException(what, file, "it is a folder");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new OutputFileException(what, file, "the folder " + parent + " is not writable");
        }
    }

    /**
     * Replaces {@code file} as a whole: written to a temporary file in the same folder, then
     * renamed into place, so a reader (or a CI step) never sees half a report.
     */
    static void replace(Path file, String what, String content) {
        Path parent = parentOf(file, what);
        Path target = file.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            if (Files.isDirectory(target)) {
                throw new OutputFileException(what, file, "it is a folder");
            }
            if (Files.isSymbolicLink(target)) {
                target = target.toRealPath();
            }
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".tmp");
            Files.write(tmp, content.getBytes(StandardCharsets.UTF_8));
            keepMode(tmp, target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new OutputFileException(what, file, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the report error is the one worth showing
                }
            }
        }
    }

    /** A temporary file is private (0600); the report gets the mode of the file it replaces, or 0644. */
    private static void keepMode(Path tmp, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> mode = Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : DEFAULT_MODE;
        view.setPermissions(mode);
    }

    /**
     * Appends {@code content} in one write; when the file already has text, a blank line keeps
     * the new part apart (the GitHub step summary concatenates every step's markdown).
     */
    static void appendSection(Path file, String what, String content) {
        parentOf(file, what);
        try (FileChannel ch = appending(file)) {
            String text = ch.size() > 0 ? "\n" + content : content;
            writeFully(ch, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new OutputFileException(what, file, e);
        }
    }

    /** Opened with {@code O_APPEND} (every write lands at the end) and created when missing. */
    static FileChannel appending(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
    }

    /** One write call in practice; the loop only matters if the OS ever takes part of the buffer. */
    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
