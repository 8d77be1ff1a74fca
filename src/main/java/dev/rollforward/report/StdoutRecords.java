package dev.rollforward.report;

import dev.rollforward.vocabulary.RouteResult;

/** The contract's output: attempt records, then the verdict record, one JSON line each. */
public final class StdoutRecords implements ResultSink {

    private final Console console;
    private final RecordJson json;

    public StdoutRecords(Console console, RecordJson json) {
        this.console = console;
        this.json = json;
    }

    @Override
    public void accept(RouteResult result) {
        for (String line : json.lines(result)) {
            console.record(line);
        }
    }
}
