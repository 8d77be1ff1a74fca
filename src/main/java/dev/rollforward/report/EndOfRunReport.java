package dev.rollforward.report;

import dev.rollforward.vocabulary.RouteResult;
import java.util.ArrayList;
import java.util.List;

/** A report written once, when the run is over, from every route's result in the order they came. */
abstract class EndOfRunReport implements ResultSink {

    private final List<RouteResult> results = new ArrayList<>();

    @Override
    public final synchronized void accept(RouteResult result) {
        results.add(result);
    }

    @Override
    public final synchronized void finish(RunSummary summary) {
        write(List.copyOf(results), summary);
    }

    /** @throws OutputFileException when the report cannot be written */
    abstract void write(List<RouteResult> results, RunSummary summary);
}
