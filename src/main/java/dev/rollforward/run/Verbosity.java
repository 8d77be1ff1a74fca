package dev.rollforward.run;

/** How much a check tells a person on stderr. Errors are always shown. */
public enum Verbosity {
    /** Only errors. */
    QUIET,
    NORMAL,
    /** Also the HTTP trace (credentials redacted) and stack traces. */
    VERBOSE;

    public boolean quiet() {
        return this == QUIET;
    }

    public boolean verbose() {
        return this == VERBOSE;
    }
}
