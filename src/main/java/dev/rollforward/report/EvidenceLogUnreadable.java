package dev.rollforward.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An evidence log asked to be read ({@code history}) does not exist or cannot be read: exit 66, one line naming it. */
public final class EvidenceLogUnreadable extends Exception {

    private static final long serialVersionUID = 1L;

    EvidenceLogUnreadable(Path path, IOException cause) {
        super("cannot read evidence log " + path + ": " + reason(path, cause), cause);
    }

    private static String reason(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file; name the file that check --evidence-log wrote";
        }
        if (Files.isDirectory(path)) {
            return "it is a folder; name the file that check --evidence-log wrote";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
