package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.vocabulary.RouteResult;
import java.nio.file.Path;
import java.util.ArrayList;
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
public final class MarkdownReport implements ResultSink {

    static final String WHAT = "markdown report";
    static final String WHAT_SUMMARY = "GitHub step summary";

    private final Path file;
    private final Path githubStepSummary;
    private final Redactor redactor;
    private final List<RouteResult> results = new ArrayList<>();

    /**
     * @param file              the {@code --markdown} file, or null
     * @param githubStepSummary the {@code $GITHUB_STEP_SUMMARY} file, or null when not on GitHub Actions
     */
    public MarkdownReport(Path file, Path githubStepSummary, Redactor redactor) {
        this.file = file;
        this.githubStepSummary = githubStepSummary;
        this.redactor = redactor;
    }

    /** Creates the parent folders and checks the report could be written there, before anything is sent. */
    public void checkWritable() {
        if (file != null) {
            OutputFiles.checkReplaceable(file, WHAT);
        }
    }

    @Override
    public synchronized void accept(RouteResult result) {
        results.add(result);
    }

    @Override
    public synchronized void finish(RunSummary summary) {
        String text = redactor.redact(render(summary));
        if (file != null) {
            OutputFiles.replace(file, WHAT, text);
        }
        if (githubStepSummary != null) {
            OutputFiles.appendSection(githubStepSummary, WHAT_SUMMARY, text);
        }
    }

    /** The markdown for the results collected so far. */
    synchronized String render(RunSummary s) {
        Decision worst = s.worst();
        StringBuilder md = new StringBuilder(2048);
        md.append("## rollforward: ").append(worst.wire().toUpperCase(Locale.ROOT)).append(" \u2014 ")
                .append(inline(s.checkId())).append("\n\n");
        md.append("**Verdict:** ").append(overall(worst)).append(" (exit ").append(ExitCode.of(worst).code()).append(")\n\n");
        md.append("- Check id: ").append(code(s.checkId())).append('\n');
        md.append("- Review link: ").append(reviewLinks()).append('\n');
        md.append("- Routes: ").append(s.routesChecked()).append("\n\n");

        md.append("| route | family | phase | status | shape | retries | decision | reasons |\n");
        md.append("|---|---|---|---|---|--:|---|---|\n");
        for (RouteResult r : results) {
            for (AttemptResult a : r.attempts()) {
                List<String> reasons = a.judgement().reasons();
                md.append("| ").append(cell(r.label()))
                        .append(" | ").append(cell(r.family().wire()))
                        .append(" | ").append(cell(a.phase().wire()))
                        .append(" | ").append(cell(StatusText.classThenNumber(a)))
                        .append(" | ").append(cell(a.shapeSeen().wire()))
                        .append(" | ").append(a.retryCount())
                        .append(" | ").append(cell(a.judgement().decision().wire()))
                        .append(" | ").append(cell(reasons.isEmpty() ? "-" : String.join(", ", reasons)))
                        .append(" |\n");
            }
        }
        if (results.isEmpty()) {
            md.append("| - | - | - | - | - | 0 | - | no route was checked |\n");
        }
        md.append('\n');

        md.append("### Verdict per route\n\n");
        for (RouteResult r : results) {
            md.append("- ").append(inline(r.label())).append(" (").append(r.family().wire()).append("): ")
                    .append(inline(r.verdict().inWords())).append('\n');
        }
        if (results.isEmpty()) {
            md.append("- none\n");
        }
        md.append('\n');

        String command = s.commandLine() == null ? "rollforward check" : redactor.redact(s.commandLine());
        String fence = fence(command);
        md.append("### Command\n\n").append(fence).append("sh\n").append(command).append('\n').append(fence).append('\n');
        return md.toString();
    }

    /** The run's verdict for the ticket: what to do, in words. */
    static String overall(Decision worst) {
        switch (worst) {
            case PROMOTE: return worst.wire() + ": every route passed; " + worst.advice();
            default: return worst.inWords();
        }
    }

    private String reviewLinks() {
        Set<String> links = new LinkedHashSet<>();
        for (RouteResult r : results) {
            if (r.reviewLink() != null && !r.reviewLink().isBlank()) {
                links.add(inline(r.reviewLink()));
            }
        }
        return links.isEmpty() ? "none" : String.join(", ", links);
    }

    /** Text on one line, redacted, with no way to open HTML or break out of a table cell. */
    private String inline(String text) {
        if (text == null) {
            return "";
        }
        return redactor.redact(text).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ')
                .replace("<", "&lt;").replace(">", "&gt;");
    }

    private String cell(String text) {
        return inline(text).replace("\\", "\\\\").replace("|", "\\|");
    }

    /** An inline code span that shows the text exactly, whatever backticks it holds. */
    private String code(String text) {
        String t = redactor.redact(text == null ? "" : text).replace("\r", " ").replace("\n", " ");
        String ticks = "`".repeat(longestRun(t) + 1);
        String pad = t.startsWith("`") || t.endsWith("`") ? " " : "";
        return ticks + pad + t + pad + ticks;
    }

    /** A fence longer than any run of backticks in the text, so the command cannot close it. */
    static String fence(String text) {
        return "`".repeat(Math.max(3, longestRun(text) + 1));
    }

    private static int longestRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
