package dev.rollforward.report;

import dev.rollforward.vocabulary.Decision;

/**
 * A finished run: its id, how many routes ended in each verdict, the command that ran it, and
 * whether it was interrupted (Ctrl-C, SIGTERM) before every attempt was made.
 */
public record RunSummary(String checkId, DecisionCounts verdicts, String commandLine, boolean interrupted) {

    public RunSummary(String checkId, DecisionCounts verdicts, String commandLine) {
        this(checkId, verdicts, commandLine, false);
    }

    /** The worst route verdict. */
    public Decision worst() {
        return verdicts.worst();
    }

    /** The run's verdict: the worst route verdict, or hold for a run interrupted part way (its evidence is incomplete). */
    public Decision decision() {
        return interrupted ? Decision.HOLD : worst();
    }

    /** {@code 2 routes checked: 1 promote, 0 stay, 1 hold}, for a person. */
    public String routesChecked() {
        int routes = verdicts.total();
        return String.format("%d route%s checked: %d promote, %d stay, %d hold", routes, routes == 1 ? "" : "s",
                verdicts.promote(), verdicts.stay(), verdicts.hold());
    }
}
