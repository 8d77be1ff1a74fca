package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.RouteResult;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code --junit FILE}: the run as a JUnit XML report ({@link JUnitXml} says what is in it).
 * Written once, on {@link #finish}, by an atomic replace.
 */
public final class JUnitReport extends EndOfRunReport {

    static final String WHAT = "JUnit report";

    private final Path file;
    private final Redactor redactor;

    public JUnitReport(Path file, Redactor redactor) {
        this.file = file;
        this.redactor = redactor;
    }

    /** Creates the parent folders and checks the report could be written there, before anything is sent. */
    public void checkWritable() {
        OutputFiles.checkReplaceable(file, WHAT);
    }

    @Override
    void write(List<RouteResult> results, RunSummary summary) {
        String xml = JUnitXml.render(results, summary, redactor);
        // Every value was redacted on its way in. Redacting the serialized document again could
        // cut through markup, so the last gate looks for this run's credentials only.
        if (redactor.containsCredential(xml)) {
            xml = redactor.redact(xml);
        }
        OutputFiles.replace(file, WHAT, xml);
    }
}
