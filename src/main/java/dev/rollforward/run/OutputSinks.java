package dev.rollforward.run;

import dev.rollforward.report.Console;
import dev.rollforward.report.DistinctOutputs;
import dev.rollforward.report.EvidenceLog;
import dev.rollforward.report.JUnitReport;
import dev.rollforward.report.MarkdownReport;
import dev.rollforward.report.NotFoundHint;
import dev.rollforward.report.RecordJson;
import dev.rollforward.report.ResultSink;
import dev.rollforward.report.StderrTable;
import dev.rollforward.report.StdoutRecords;
import dev.rollforward.secrets.EnvVars;
import dev.rollforward.vocabulary.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where a check's results go, as the options ask; every file is proven writable before anything is sent. */
final class OutputSinks {

    static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

    private OutputSinks() {
    }

    /**
     * @throws DistinctOutputs.Collision when two outputs name the same file
     * @throws dev.rollforward.report.OutputFileException when a requested file cannot be written
     */
    static List<ResultSink> build(ReportFiles files, Map<String, String> env, Console console, RecordJson json,
                                  List<Route> routes) {
        Path summary = stepSummary(env, console);
        new DistinctOutputs().add("--evidence-log", files.evidenceLog()).add("--junit", files.junit())
                .add("--markdown", files.markdown()).add("$" + STEP_SUMMARY, summary);
        List<ResultSink> sinks = new ArrayList<>();
        sinks.add(new StdoutRecords(console, json));
        if (!console.quiet()) {
            sinks.add(new StderrTable(console));
        }
        sinks.add(new NotFoundHint(console, routes));
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
        if (files.markdown() != null || summary != null) {
            MarkdownReport md = new MarkdownReport(files.markdown(), summary, console.redactor());
            md.checkWritable();
            sinks.add(md);
        }
        return sinks;
    }

    /**
     * The GitHub step summary, when $GITHUB_STEP_SUMMARY names a file in a folder that exists. The
     * runner makes that folder; without it the variable is not the runner's (left over, or from
     * another machine): the summary is skipped with a warning, and the run's exit code is unchanged.
     */
    private static Path stepSummary(Map<String, String> env, Console console) {
        String named = EnvVars.value(env, STEP_SUMMARY);
        if (named == null) {
            return null;
        }
        Path file = Path.of(named);
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            console.warning("$" + STEP_SUMMARY + " names " + named + ", but its folder " + folder
                    + " does not exist; no step summary is written (the exit code is not affected)");
            return null;
        }
        return file;
    }
}
