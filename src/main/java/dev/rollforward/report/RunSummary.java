package dev.rollforward.report;

import dev.rollforward.vocabulary.Decision;

/** Counts over a finished run, and the worst verdict. */
public record RunSummary(String checkId, int promote, int stay, int hold, Decision worst, String commandLine) {
}
