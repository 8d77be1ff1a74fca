package dev.rollforward.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An output file the user asked for ({@code --evidence-log}, {@code --junit}, {@code --markdown},
 * the GitHub step summary) could not be written. Never swallowed: the run ends with exit 70 and
 * this message, which names the file, so nothing is lost silently.
 */
public final class OutputFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /**
     * @param what  what the file is for a person, e.g. {@code "evidence log"}
     * @param path  the file as the user named it
     * @param cause what went wrong
     */
    public OutputFileException(String what, Path path, IOException cause) {
        super("cannot write " + what + " " + path + ": " + reason(cause), cause);
        this.path = path;
    }

    public OutputFileException(String what, Path path, String reason) {
        super("cannot write " + what + " " + path + ": " + reason);
        this.path = path;
    }

    private OutputFileException(String message) {
        super(message);
        this.path = null;
    }

    /**
     * What a command printed on stdout (records, a plan) did not all get there: a closed pipe or a
     * full disk. PrintStream never throws, so the caller asks it with {@code checkError()}.
     */
    public static OutputFileException stdout() {
        return new OutputFileException("cannot write to stdout (a closed pipe or a full disk): what this run printed "
                + "there is incomplete; the other outputs were written");
    }

    /** The file that could not be written; null for stdout. */
    public Path path() {
        return path;
    }

    /** A short reason: the JDK's file exceptions carry only the path as their message. */
    private static String reason(IOException e) {
        String kind;
        if (e instanceof java.nio.file.AccessDeniedException) {
            kind = "permission denied";
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            kind = "a file is in the way of a folder";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            kind = "a parent is not a folder";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            kind = "no such file or folder";
        } else if (e instanceof java.nio.file.FileSystemException) {
            String r = ((java.nio.file.FileSystemException) e).getReason();
            kind = r != null ? r : e.getClass().getSimpleName();
        } else {
            kind = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        if (e instanceof java.nio.file.FileSystemException) {
            String f = ((java.nio.file.FileSystemException) e).getFile();
            if (f != null && !kind.contains(f)) {
                kind = kind + " (" + f + ")";
            }
        }
        return kind;
    }
}
