package dev.rollforward.report;

import dev.rollforward.vocabulary.RouteResult;
import java.util.function.UnaryOperator;

/** One route's verdict as a person reads it on stderr and in a JUnit suite: {@code verdict a (chat): stay: ...}. */
final class VerdictLine {

    private VerdictLine() {
    }

    static String of(RouteResult r) {
        return of(r, UnaryOperator.identity());
    }

    /** @param style how the verdict's words are shown (a terminal colours them) */
    static String of(RouteResult r, UnaryOperator<String> style) {
        return "verdict " + r.label() + " (" + r.family().wire() + "): " + style.apply(r.verdict().inWords());
    }
}
