package dev.rollforward.report;

import dev.rollforward.vocabulary.RouteResult;

/** One route's verdict as a person reads it on stderr and in a JUnit suite: {@code verdict a (chat): stay: ...}. */
final class VerdictLine {

    private VerdictLine() {
    }

    static String of(RouteResult r) {
        return prefix(r) + r.verdict().inWords();
    }

    /** What comes before the verdict's words (which a terminal colours). */
    static String prefix(RouteResult r) {
        return "verdict " + r.label() + " (" + r.family().wire() + "): ";
    }
}
