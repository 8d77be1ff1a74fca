package dev.rollforward.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files a check writes, each named once: two outputs naming one file (a report over the
 * evidence log, the markdown over the GitHub step summary) would overwrite each other, so that
 * is a usage error, found before anything is written or sent. {@code x} and {@code ./x}, or a
 * symlink and its target, are one file.
 */
public final class DistinctOutputs {

    /** Two outputs name the same file: a usage error (64). */
    public static final class Collision extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Collision(String message) {
            super(message);
        }
    }

    /** File → how the user named it: {@code --junit}, {@code $GITHUB_STEP_SUMMARY}. */
    private final Map<Path, String> named = new LinkedHashMap<>();

    /**
     * @param how  the option or variable that names {@code file}
     * @param file null when that output is not asked for
     * @throws Collision when an output added before names the same file
     */
    public DistinctOutputs add(String how, Path file) {
        if (file == null) {
            return this;
        }
        String before = named.putIfAbsent(OutputFiles.identity(file), how);
        if (before != null) {
            throw new Collision(before + " and " + how + " name the same file (" + file + "): one would overwrite the "
                    + "other" + (before.equals("--evidence-log") ? ", and the evidence would be lost" : "")
                    + "; give each its own file");
        }
        return this;
    }
}
