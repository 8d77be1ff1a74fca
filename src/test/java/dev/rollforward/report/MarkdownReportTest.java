package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Previous;
import dev.rollforward.vocabulary.TestRoutes;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.Resends;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.RouteResult;
import dev.rollforward.vocabulary.TestTrails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

class MarkdownReportTest {

    private static final String COMMAND = "rollforward check --config routes.yaml --all --markdown out/ticket.md";

    @TempDir
    Path dir;

    private static String write(Path file, Path summaryFile, RunSummary summary, RouteResult... routes) throws IOException {
        MarkdownReport report = new MarkdownReport(file, summaryFile, Results.REDACTOR);
        report.checkWritable();
        for (RouteResult r : routes) {
            report.accept(r);
        }
        report.finish(summary);
        return file == null ? null : Files.readString(file);
    }

    private static List<String> tableRows(String md) {
        return md.lines().filter(l -> l.startsWith("| ")).collect(Collectors.toList());
    }

    @Test
    void aHoldSaysDoNotRollForwardWithTheTableAndTheCommand() throws IOException {
        RouteResult[] routes = {Results.promote("cometapi-primary", RequestFamily.CHAT, Results.REVIEW),
                Results.hold("newapi-backup", Results.REVIEW)};
        String md = write(dir.resolve("out/ticket.md"), null, Results.summary(COMMAND, routes), routes);

        assertThat(md).startsWith("## rollforward: HOLD \u2014 " + Results.CHECK_ID + "\n");
        assertThat(md).contains("**Verdict:** hold: do not roll forward yet; a person must look (exit 2)");
        assertThat(md).contains("- Check id: `" + Results.CHECK_ID + "`");
        assertThat(md).contains("- Review link: " + Results.REVIEW + "\n");
        assertThat(md).contains("2 routes checked: 1 promote, 0 stay, 1 hold");
        assertThat(md).contains("| route | family | phase | status | shape | retries | served by | decision | reasons |");
        assertThat(tableRows(md)).containsExactly(
                "| route | family | phase | status | shape | retries | served by | decision | reasons |",
                "| cometapi-primary | chat | happy-path | 2xx 200 | expected | 0 | - | promote | - |",
                "| cometapi-primary | chat | error-path | 4xx 401 | expected | 0 | - | promote | - |",
                "| newapi-backup | responses | happy-path | 4xx 401 | unexpected | 0 | - | hold | canary_credential_refused |",
                "| newapi-backup | responses | error-path | none | none | 0 | - | hold | no_response, timeout |");
        assertThat(md).contains("- cometapi-primary (chat): promote: traffic may roll forward\n");
        assertThat(md).contains("- newapi-backup (responses): hold: do not roll forward yet; a person must look\n");
        assertThat(md).contains("```sh\n" + COMMAND + "\n```\n");
    }

    @Test
    void aStayAndAPassSayWhatToDo() throws IOException {
        RouteResult stay = Results.stay("moved", null);
        String md = write(dir.resolve("stay.md"), null, Results.summary(COMMAND, stay), stay);
        assertThat(md).startsWith("## rollforward: STAY");
        assertThat(md).contains("stay: do not roll forward; keep traffic where it is (exit 1)");
        assertThat(md).contains("| moved | chat | happy-path | 2xx 200 | expected | 0 | - | stay | wrong_upstream_host |");
        assertThat(md).contains("- Review link: none\n");

        RouteResult ok = Results.promote("ok", RequestFamily.RESPONSES, null);
        String pass = write(dir.resolve("pass.md"), null, Results.summary(COMMAND, ok), ok);
        assertThat(pass).startsWith("## rollforward: PROMOTE");
        assertThat(pass).contains("promote: every route passed; traffic may roll forward (exit 0)");
        assertThat(pass).doesNotContain("do not roll forward");
    }

    @Test
    void noCredentialReachesTheTicket() throws IOException {
        RouteResult leaky = Results.leakyHold("leaky");
        String command = "rollforward check --config r.yaml --review-link '" + Results.REVIEW + "?token="
                + Results.CANARY + "' --check-id " + Results.DISABLED;
        Path summaryFile = dir.resolve("step-summary.md");
        String md = write(dir.resolve("ticket.md"), summaryFile, Results.summary(command, leaky), leaky);

        for (String text : List.of(md, Files.readString(summaryFile))) {
            assertThat(text).doesNotContain(Results.CANARY).doesNotContain(Results.DISABLED).doesNotContain("Bearer sk-");
            assertThat(Results.REDACTOR.containsCredential(text)).isFalse();
        }
        assertThat(md).contains("- Review link: " + Results.REVIEW + "?token=" + Redactor.MASK);
        assertThat(md).contains("(exit 2)");
        assertThat(md).contains("```sh\nrollforward check --config r.yaml --review-link");
    }

    @Test
    void pipesAndMarkupInCellsCannotBreakTheTable() throws IOException {
        AttemptResult odd = Results.error("odd", RequestFamily.CHAT,
                new ResponseSnapshot.NoAnswer("connect|failed <b>x</b>\nnext", null, null,
                        TestTrails.failed(Results.HOST, "connect_failed", 0)), 5);
        AttemptResult ok = Results.happy("odd", RequestFamily.CHAT,
                Results.snap(200, dev.rollforward.check.Bodies.CHAT, Results.HOST, "odd", 0), 5);
        RouteResult r = Results.route("odd", RequestFamily.CHAT, null, ok, odd);
        RunSummary s = new RunSummary("id|with`tick", new DecisionCounts(0, 0, 1),
                "rollforward check --check-id 'a```b'");
        String md = write(dir.resolve("odd.md"), null, s, r);

        String row = tableRows(md).get(2);
        assertThat(row).isEqualTo("| odd | chat | error-path | none | none | 0 | - | hold | no_response, connect\\|failed &lt;b&gt;x&lt;/b&gt; next |");
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(10);
        assertThat(md).contains("- Check id: ``id|with`tick``");
        assertThat(md).contains("````sh\nrollforward check --check-id 'a```b'\n````\n");
    }

    @Test
    void theGithubStepSummaryGetsTheSameMarkdownAppended() throws IOException {
        Path summaryFile = dir.resolve("github/step_summary");
        Files.createDirectories(summaryFile.getParent());
        Files.writeString(summaryFile, "## an earlier step\n");
        RouteResult hold = Results.hold("first-run", null);
        String md1 = write(dir.resolve("ticket.md"), summaryFile, Results.summary(COMMAND, hold), hold);
        RouteResult ok = Results.promote("second-run", RequestFamily.CHAT, null);
        String md2 = write(dir.resolve("ticket.md"), summaryFile, Results.summary(COMMAND, ok), ok);

        String all = Files.readString(summaryFile);
        assertThat(all).isEqualTo("## an earlier step\n" + "\n" + md1 + "\n" + md2);
        assertThat(all).contains("first-run", "second-run", "## rollforward: HOLD", "## rollforward: PROMOTE");
        assertThat(Files.readString(dir.resolve("ticket.md"))).isEqualTo(md2).doesNotContain("first-run");
    }

    @Test
    void theStepSummaryAloneNeedsNoFile() throws IOException {
        Path summaryFile = dir.resolve("step_summary");
        RouteResult ok = Results.promote("ok", RequestFamily.CHAT, null);
        write(null, summaryFile, Results.summary(COMMAND, ok), ok);
        assertThat(Files.readString(summaryFile)).startsWith("## rollforward: PROMOTE");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void anUnwritablePathIsAnErrorNamingIt() throws IOException {
        Path blocker = dir.resolve("plain-file");
        Files.writeString(blocker, "x");
        Path file = blocker.resolve("ticket.md");
        MarkdownReport report = new MarkdownReport(file, null, Results.REDACTOR);
        assertThatThrownBy(() -> report.finish(Results.summary(COMMAND)))
                .isInstanceOf(OutputFileException.class)
                .hasMessageStartingWith("cannot write markdown report " + file + ": ");

        Path summaryUnder = blocker.resolve("summary.md");
        MarkdownReport toSummary = new MarkdownReport(null, summaryUnder, Results.REDACTOR);
        assertThatThrownBy(() -> toSummary.finish(Results.summary(COMMAND)))
                .isInstanceOf(OutputFileException.class)
                .hasMessageStartingWith("cannot write GitHub step summary " + summaryUnder + ": ");
    }

    /** The whole ticket, byte for byte, so that no refactoring can change what is pasted. */
    @Test
    void theTicketIsExactlyThis() throws IOException {
        RouteResult[] routes = Results.everyKind();
        String md = write(dir.resolve("ticket.md"), null, Results.summary("rollforward check --config routes.yaml --all",
                routes), routes);
        assertThat(md).isEqualTo("""
            ## rollforward: STAY \u2014 route-rollforward-check-20261127-0304

            **Verdict:** stay: do not roll forward; keep traffic where it is (exit 1)

            - Check id: `route-rollforward-check-20261127-0304`
            - Review link: https://tickets.example.com/ROUTE-123, https://tickets.example.com/ROUTE-123?token=[REDACTED]
            - Routes: 6 routes checked: 2 promote, 2 stay, 2 hold

            | route | family | phase | status | shape | retries | served by | decision | reasons |
            |---|---|---|---|---|--:|---|---|---|
            | cometapi-primary | chat | happy-path | 2xx 200 | expected | 0 | - | promote | - |
            | cometapi-primary | chat | error-path | 4xx 401 | expected | 0 | - | promote | - |
            | moved | chat | happy-path | 2xx 200 | expected | 0 | - | stay | wrong_upstream_host |
            | moved | chat | error-path | 4xx 401 | expected | 0 | - | promote | - |
            | blocked | responses | happy-path | 4xx 401 | unexpected | 0 | - | hold | canary_credential_refused |
            | blocked | responses | error-path | none | none | 0 | - | hold | no_response, timeout |
            | leaky | chat | happy-path | 2xx 200 | expected | 0 | - | promote | - |
            | leaky | chat | error-path | none | none | 0 | - | hold | no_response, connect_failed [REDACTED] |
            | noted | chat | happy-path | 2xx 200 | expected | 1 | - | promote | gateway_retry_count_unknown |
            | noted | chat | error-path | 4xx 401 | expected | 0 | - | promote | - |
            | portkey-chat | chat | happy-path | 2xx 200 | expected | 1 | config.targets[1] | stay | gateway_fell_back |
            | portkey-chat | chat | error-path | 4xx 401 | expected | 0 | config.targets[0] | promote | - |

            ### Verdict per route

            - cometapi-primary (chat): promote: traffic may roll forward
            - moved (chat): stay: do not roll forward; keep traffic where it is
            - blocked (responses): hold: do not roll forward yet; a person must look
            - leaky (chat): hold: do not roll forward yet; a person must look
            - noted (chat): promote: traffic may roll forward
            - portkey-chat (chat): stay: do not roll forward; keep traffic where it is

            ### Command

            ```sh
            rollforward check --config routes.yaml --all
            ```
            """);
    }

    @Test
    void withAnEvidenceLogTheTicketSaysWhatChangedSinceEachRoutesLastCheck() throws IOException {
        String digestWas = "sha256:1111111111112222222222223333333333334444444444445555555555556666";
        RouteResult changed = Results.promote("cometapi-primary", RequestFamily.CHAT, null)
                .withPrevious(new Previous.Check("night-1", "2026-11-27T03:40:05Z", "hold",
                        List.of(new Previous.Change("fallback_decision", "hold", "promote"),
                                new Previous.Change("route_digest", digestWas, TestRoutes.PROVENANCE.routeDigest()))));
        RouteResult same = Results.stay("moved", null)
                .withPrevious(new Previous.Check("night-1", "2026-11-27T03:40:05Z", "stay", List.of()));
        RouteResult fresh = Results.hold("new-route", null).withPrevious(Previous.FIRST_CHECK);
        String md = write(dir.resolve("t.md"), null, Results.summary(COMMAND, changed, same, fresh), changed, same, fresh);

        assertThat(md).contains("### Changed since the last check\n\n"
                + "- cometapi-primary: changed since night-1 (hold, 2026-11-27T03:40:05Z): fallback_decision hold \u2192 promote, "
                + "route_digest sha256:111111111111 \u2192 sha256:5c3f2b6c0e1d (the route's config changed)\n"
                + "- moved: nothing changed since night-1 (stay, 2026-11-27T03:40:05Z)\n"
                + "- new-route: no earlier check of this route in the evidence log\n\n### Command");
    }

    @Test
    void withoutAnEvidenceLogThereIsNoChangesSection() throws IOException {
        RouteResult ok = Results.promote("ok", RequestFamily.CHAT, null);
        assertThat(write(dir.resolve("t.md"), null, Results.summary(COMMAND, ok), ok)).doesNotContain("Changed since");
    }
}
