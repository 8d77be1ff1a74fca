package dev.rollforward.cli;

import dev.rollforward.sandbox.SandboxMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The option values picocli checks for us before a command runs; a bad one is a usage error (64). */
final class OptionValues {

    private OptionValues() {
    }

    /** A bad value, in a message that names its option: shown as it is. */
    static final class Invalid extends TypeConversionException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /** --concurrency: routes checked at once. */
    static final class Concurrency implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parseInt(value);
            if (n < 1 || n > 256) {
                throw new Invalid("--concurrency must be between 1 and 256, not " + n);
            }
            return n;
        }
    }

    /** --port: 0 lets the system pick a free one. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parseInt(value);
            if (n < 0 || n > 65535) {
                throw new Invalid("--port must be between 0 and 65535");
            }
            return n;
        }
    }

    /** --check-id: goes on every record and into file names a CI job makes from it. */
    static final class CheckId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.matches("[A-Za-z0-9._:-]{1,128}")) {
                throw new Invalid("--check-id may only use letters, digits and . _ : - (at most 128)");
            }
            return value;
        }
    }

    /**
     * --review-link: an http(s) link, as the config's review_link must be; empty (a CI template on a
     * manual run) counts as not given.
     */
    static final class ReviewLink implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String v = value.strip();
            if (!v.isEmpty() && !v.startsWith("https://") && !v.startsWith("http://")) {
                throw new Invalid("--review-link must be an http(s) link to the review or ticket, or empty");
            }
            return v;
        }
    }

    /**
     * --evidence-log, --junit, --markdown: an empty value (a CI variable that was not set) names no
     * file; it would otherwise be the current folder.
     */
    static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw new TypeConversionException("needs a file name, not an empty value");
            }
            return Path.of(value);
        }
    }

    /** --mode: a sandbox mode by its wire name. */
    static final class Mode implements ITypeConverter<SandboxMode> {
        @Override
        public SandboxMode convert(String value) {
            SandboxMode m = SandboxMode.fromWire(value);
            if (m == null) {
                throw new Invalid("unknown --mode '" + value + "'; one of: " + String.join(", ", new Modes()));
            }
            return m;
        }
    }

    /** The mode names, for --help and shell completion. */
    static final class Modes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(SandboxMode.values()).map(SandboxMode::wire).iterator();
        }
    }

    /** As picocli says it for an int option, after its "Invalid value for option" prefix. */
    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an int");
        }
    }
}
