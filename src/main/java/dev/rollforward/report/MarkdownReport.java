package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.RouteResult;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code --markdown FILE}: the ticket-ready summary for the runbook's "paste into the ticket"
 * step. The verdict in words and the exit code, the check id, the review link, a table of
 * attempts, each route's verdict, and the exact command that was run (redacted).
 *
 * <p>Written on {@link #finish}: FILE is replaced as a whole; the GitHub step summary (the
 * file {@code $GITHUB_STEP_SUMMARY} names) has the same markdown appended. Either may be null.
 */
public final class MarkdownReport extends EndOfRunReport {

    static final String WHAT = "markdown report";
    static final String WHAT_SUMMARY = "GitHub step summary";

    private final Path file;
    private final Path githubStepSummary;
    private final Redactor redactor;
    private final MarkdownText text;

    /**
     * @param file              the {@code --markdown} file, or null
     * @param githubStepSummary the {@code $GITHUB_STEP_SUMMARY} file, or null when not on GitHub Actions
     */
    public MarkdownReport(Path file, Path githubStepSummary, Redactor redactor) {
        this.file = file;
        this.githubStepSummary = githubStepSummary;
        this.redactor = redactor;
        this.text = new MarkdownText(redactor);
    }

    /** Creates the parent folders and checks the report could be written there, before anything is sent. */
    public void checkWritable() {
        if (file != null) {
            OutputFiles.checkReplaceable(file, WHAT);
        }
    }

    @Override
    void write(List<RouteResult> results, RunSummary summary) {
        String markdown = redactor.redact(render(results, summary));
        if (file != null) {
            OutputFiles.replace(file, WHAT, markdown);
        }
        if (githubStepSummary != null) {
            OutputFiles.appendSection(githubStepSummary, WHAT_SUMMARY, markdown);
        }
    }

    private String render(List<RouteResult> results, RunSummary s) {
        StringBuilder md = new StringBuilder(2048);
        heading(md, s, results);
        attempts(md, results);
        verdicts(md, results);
        changes(md, results);
        command(md, s.commandLine());
        return md.toString();
    }

    /** The verdict and exit code first: what a reader of the ticket needs to act. */
    private void heading(StringBuilder md, RunSummary s, List<RouteResult> results) {
        Decision decision = s.decision();
        md.append("## rollforward: ").append(decision.wire().toUpperCase(Locale.ROOT)).append(" \u2014 ")
                .append(text.inline(s.checkId())).append("\n\n");
        md.append("**Verdict:** ").append(s.interrupted() ? "interrupted before every attempt was made; " : "")
                .append(overall(decision)).append(" (exit ").append(ExitCode.of(decision).code()).append(")\n\n");
        md.append("- Check id: ").append(text.code(s.checkId())).append('\n');
        md.append("- Review link: ").append(reviewLinks(results)).append('\n');
        md.append("- Routes: ").append(s.routesChecked()).append("\n\n");
    }

    private void attempts(StringBuilder md, List<RouteResult> results) {
        md.append("| route | family | phase | status | shape | retries | served by | decision | reasons |\n");
        md.append("|---|---|---|---|---|--:|---|---|---|\n");
        for (RouteResult r : results) {
            for (AttemptResult a : r.attempts()) {
                List<String> reasons = a.judgement().reasons();
                md.append("| ").append(text.cell(r.label()))
                        .append(" | ").append(text.cell(r.family().wire()))
                        .append(" | ").append(text.cell(a.phase().wire()))
                        .append(" | ").append(text.cell(StatusText.classThenNumber(a)))
                        .append(" | ").append(text.cell(a.shapeSeen().wire()))
                        .append(" | ").append(a.retryCount())
                        .append(" | ").append(text.cell(ServedByText.target(a, redactor)))
                        .append(" | ").append(text.cell(a.judgement().decision().wire()))
                        .append(" | ").append(text.cell(reasons.isEmpty() ? "-" : String.join(", ", reasons)))
                        .append(" |\n");
            }
        }
        if (results.isEmpty()) {
            md.append("| - | - | - | - | - | 0 | - | - | no route was checked |\n");
        }
        md.append('\n');
    }

    private void verdicts(StringBuilder md, List<RouteResult> results) {
        md.append("### Verdict per route\n\n");
        for (RouteResult r : results) {
            md.append("- ").append(text.inline(r.label())).append(" (").append(r.family().wire()).append("): ")
                    .append(text.inline(r.verdict().inWords())).append('\n');
        }
        if (results.isEmpty()) {
            md.append("- none\n");
        }
        md.append('\n');
    }

    /** With an evidence log: what changed since each route's last check, so the ticket shows a changed config. */
    private void changes(StringBuilder md, List<RouteResult> results) {
        StringBuilder lines = new StringBuilder();
        for (RouteResult r : results) {
            String changes = ChangeText.of(r.previous());
            if (changes != null) {
                lines.append("- ").append(text.inline(r.label())).append(": ").append(text.inline(changes)).append('\n');
            }
        }
        if (!lines.isEmpty()) {
            md.append("### Changed since the last check\n\n").append(lines).append('\n');
        }
    }

    /** The command as run, redacted, in a fence no backtick in it can close. */
    private void command(StringBuilder md, String commandLine) {
        String command = commandLine == null ? "rollforward check" : redactor.redact(commandLine);
        String fence = MarkdownText.fence(command);
        md.append("### Command\n\n").append(fence).append("sh\n").append(command).append('\n').append(fence).append('\n');
    }

    /** The run's verdict for the ticket: what to do, in words. */
    private static String overall(Decision worst) {
        return worst == Decision.PROMOTE ? worst.wire() + ": every route passed; " + worst.advice() : worst.inWords();
    }

    private String reviewLinks(List<RouteResult> results) {
        Set<String> links = new LinkedHashSet<>();
        for (RouteResult r : results) {
            if (r.reviewLink() != null && !r.reviewLink().isBlank()) {
                links.add(text.inline(r.reviewLink()));
            }
        }
        return links.isEmpty() ? "none" : String.join(", ", links);
    }
}
