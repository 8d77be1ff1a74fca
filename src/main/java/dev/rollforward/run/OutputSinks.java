package dev.rollforward.run;

import dev.rollforward.report.Console;
import dev.rollforward.report.EvidenceLog;
import dev.rollforward.report.JUnitReport;
import dev.rollforward.report.MarkdownReport;
import dev.rollforward.report.RecordJson;
import dev.rollforward.report.ResultSink;
import dev.rollforward.report.StderrTable;
import dev.rollforward.report.StdoutRecords;
import dev.rollforward.secrets.EnvVars;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where a check's results go, as the options ask; every file is proven writable before anything is sent. */
final class OutputSinks {

    private OutputSinks() {
    }

    /** @throws dev.rollforward.report.OutputFileException when a requested file cannot be written */
    static List<ResultSink> build(ReportFiles files, Map<String, String> env, Console console, RecordJson json) {
        List<ResultSink> sinks = new ArrayList<>();
        sinks.add(new StdoutRecords(console, json));
        sinks.add(new StderrTable(console));
        if (files.evidenceLog() != null) {
            EvidenceLog log = new EvidenceLog(files.evidenceLog(), json, console.redactor());
            log.checkWritable();
            sinks.add(log);
        }
        if (files.junit() != null) {
            JUnitReport junit = new JUnitReport(files.junit(), console.redactor());
            junit.checkWritable();
            sinks.add(junit);
        }
        String stepSummary = EnvVars.value(env, "GITHUB_STEP_SUMMARY");
        Path summary = stepSummary == null ? null : Path.of(stepSummary);
        if (files.markdown() != null || summary != null) {
            MarkdownReport md = new MarkdownReport(files.markdown(), summary, console.redactor());
            md.checkWritable();
            sinks.add(md);
        }
        return sinks;
    }
}
