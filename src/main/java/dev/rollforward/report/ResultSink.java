package dev.rollforward.report;

import dev.rollforward.vocabulary.RouteResult;
import java.io.IOException;

/** Somewhere route results go as they arrive in config order: stdout, stderr, files. */
public interface ResultSink {

    void accept(RouteResult result) throws IOException;

    /** After the last route: write whatever needs the whole run. */
    default void finish(RunSummary summary) throws IOException {
    }
}
