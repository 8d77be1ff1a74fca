package dev.rollforward.report;

import dev.rollforward.vocabulary.Decision;

/** A finished run: its id, how many routes ended in each verdict, and the command that ran it. */
public record RunSummary(String checkId, DecisionCounts verdicts, String commandLine) {

    /** The run's verdict: the worst route verdict. */
    public Decision worst() {
        return verdicts.worst();
    }

    /** {@code 2 routes checked: 1 promote, 0 stay, 1 hold}, for a person. */
    public String routesChecked() {
        int routes = verdicts.total();
        return String.format("%d route%s checked: %d promote, %d stay, %d hold", routes, routes == 1 ? "" : "s",
                verdicts.promote(), verdicts.stay(), verdicts.hold());
    }
}
