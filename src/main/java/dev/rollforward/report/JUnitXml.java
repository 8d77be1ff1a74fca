package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.RouteResult;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;

/**
 * The run as a JUnit XML document, the Ant/Surefire dialect that GitHub Actions test reporters,
 * Jenkins and GitLab read.
 *
 * <ul>
 *   <li>one {@code testsuite} per route ({@code route / family}), one {@code testcase} per attempt
 *       ({@code route / family / phase});</li>
 *   <li>{@code promote} passes; {@code stay} is a {@code failure}; {@code hold} is an {@code error},
 *       so a hold never shows green;</li>
 *   <li>{@code tests}, {@code failures}, {@code errors} and {@code time} (seconds) are counted on
 *       each suite and summed on {@code testsuites}.</li>
 * </ul>
 */
final class JUnitXml {

    /** Ant's format: local time without a zone; ours is UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final RedactedXmlWriter x;
    private final String checkId;
    private final Redactor redactor;

    private JUnitXml(RedactedXmlWriter x, String checkId, Redactor redactor) {
        this.x = x;
        this.checkId = checkId;
        this.redactor = redactor;
    }

    static String render(List<RouteResult> results, RunSummary summary, Redactor redactor) {
        try {
            RedactedXmlWriter x = new RedactedXmlWriter(redactor);
            new JUnitXml(x, summary.checkId(), redactor).suites(results);
            return x.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot build the JUnit report: " + e.getMessage(), e);
        }
    }

    private void suites(List<RouteResult> results) throws XMLStreamException {
        DecisionCounts all = DecisionCounts.NONE;
        long millis = 0;
        for (RouteResult r : results) {
            all = all.plus(attempts(r));
            millis += r.durationMs();
        }
        x.start(0, "testsuites");
        x.attr("name", "rollforward");
        counts(all);
        x.attr("time", seconds(millis));
        for (RouteResult r : results) {
            suite(r);
        }
        x.end(0);
    }

    private void suite(RouteResult r) throws XMLStreamException {
        String family = r.family().wire();
        x.start(1, "testsuite");
        x.attr("name", r.label() + " / " + family);
        counts(attempts(r));
        x.attr("skipped", 0);
        x.attr("time", seconds(r.durationMs()));
        x.attr("timestamp", TIMESTAMP.format(r.startedAt()));

        x.start(2, "properties");
        property("check_id", checkId);
        property("route_label", r.label());
        property("request_family", family);
        property("review_link", r.reviewLink() == null ? "none" : r.reviewLink());
        property("fallback_decision", r.verdict().wire());
        property("operator_result", r.verdict().operatorResult());
        x.end(2);

        for (AttemptResult a : r.attempts()) {
            testcase(r, a);
        }
        x.start(2, "system-out");
        x.text(JUnitCaseText.suiteOutput(r));
        x.end();
        x.end(1);
    }

    private void testcase(RouteResult r, AttemptResult a) throws XMLStreamException {
        Decision d = a.judgement().decision();
        boolean bare = d == Decision.PROMOTE && a.judgement().reasons().isEmpty();
        if (bare) {
            x.empty(2, "testcase");
        } else {
            x.start(2, "testcase");
        }
        x.attr("name", r.label() + " / " + r.family().wire() + " / " + a.phase().wire());
        x.attr("classname", "rollforward." + r.label());
        x.attr("time", seconds(a.durationMs()));
        if (bare) {
            return;
        }
        if (d == Decision.PROMOTE) {
            // a pass with a note (such as gateway_retry_count_unknown): shown, not failed
            x.start(3, "system-out");
            x.text(JUnitCaseText.fields(a, redactor));
        } else {
            x.start(3, d == Decision.STAY ? "failure" : "error");
            x.attr("message", JUnitCaseText.message(a.judgement()));
            x.attr("type", d.wire());
            x.text(JUnitCaseText.failure(a, redactor));
        }
        x.end();
        x.end(2);
    }

    /** stay is a failure, hold an error. */
    private void counts(DecisionCounts c) throws XMLStreamException {
        x.attr("tests", c.total());
        x.attr("failures", c.stay());
        x.attr("errors", c.hold());
    }

    private void property(String name, String value) throws XMLStreamException {
        x.empty(3, "property");
        x.attr("name", name);
        x.attr("value", value);
    }

    private static DecisionCounts attempts(RouteResult r) {
        return DecisionCounts.of(r.attempts().stream().map(a -> a.judgement().decision()).toList());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, millis) / 1000.0);
    }
}
