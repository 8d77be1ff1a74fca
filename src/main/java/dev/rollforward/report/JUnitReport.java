package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;

import dev.rollforward.vocabulary.AttemptResult;
import dev.rollforward.vocabulary.Decision;
import dev.rollforward.vocabulary.RouteResult;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --junit FILE}: the run as a JUnit XML report, the Ant/Surefire dialect that GitHub
 * Actions test reporters, Jenkins and GitLab read.
 *
 * <ul>
 *   <li>one {@code testsuite} per route ({@code route / family}), one {@code testcase} per attempt
 *       ({@code route / family / phase});</li>
 *   <li>{@code promote} passes; {@code stay} is a {@code failure}; {@code hold} is an {@code error},
 *       so a hold never shows green;</li>
 *   <li>{@code tests}, {@code failures}, {@code errors} and {@code time} (seconds) are counted on
 *       each suite and summed on {@code testsuites}.</li>
 * </ul>
 * Every string goes through the redactor and an XML writer (escaping, and characters XML 1.0
 * cannot hold are replaced). Written once, on {@link #finish}, by an atomic replace.
 */
public final class JUnitReport implements ResultSink {

    static final String WHAT = "JUnit report";

    /** Ant's format: local time without a zone; ours is UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Redactor redactor;
    private final List<RouteResult> results = new ArrayList<>();

    public JUnitReport(Path file, Redactor redactor) {
        this.file = file;
        this.redactor = redactor;
    }

    /** Creates the parent folders and checks the report could be written there, before anything is sent. */
    public void checkWritable() {
        OutputFiles.checkReplaceable(file, WHAT);
    }

    @Override
    public synchronized void accept(RouteResult result) {
        results.add(result);
    }

    @Override
    public synchronized void finish(RunSummary summary) {
        String xml = render(summary);
        // Every value was redacted on its way in. Redacting the serialized document again could
        // cut through markup, so the last gate looks for this run's credentials only.
        if (redactor.containsCredential(xml)) {
            xml = redactor.redact(xml);
        }
        OutputFiles.replace(file, WHAT, xml);
    }

    /** The XML document for the results collected so far. */
    synchronized String render(RunSummary summary) {
        DecisionCounts all = DecisionCounts.NONE;
        long millis = 0;
        for (RouteResult r : results) {
            all = all.plus(attempts(r));
            millis += r.durationMs();
        }
        StringWriter out = new StringWriter(4096);
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            nl(x, 0);
            x.writeStartElement("testsuites");
            attr(x, "name", "rollforward");
            attr(x, "tests", all.total());
            attr(x, "failures", all.stay());
            attr(x, "errors", all.hold());
            attr(x, "time", seconds(millis));
            for (RouteResult r : results) {
                suite(x, r, summary);
            }
            nl(x, 0);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot build the JUnit report: " + e.getMessage(), e);
        }
        return out.toString() + "\n";
    }

    private void suite(XMLStreamWriter x, RouteResult r, RunSummary summary) throws XMLStreamException {
        String family = r.family().wire();
        nl(x, 1);
        x.writeStartElement("testsuite");
        attr(x, "name", r.label() + " / " + family);
        DecisionCounts counts = attempts(r);
        attr(x, "tests", counts.total());
        attr(x, "failures", counts.stay());
        attr(x, "errors", counts.hold());
        attr(x, "skipped", 0);
        attr(x, "time", seconds(r.durationMs()));
        attr(x, "timestamp", timestamp(r.startedAt()));

        nl(x, 2);
        x.writeStartElement("properties");
        property(x, "check_id", summary == null ? null : summary.checkId());
        property(x, "route_label", r.label());
        property(x, "request_family", family);
        property(x, "review_link", r.reviewLink() == null ? "none" : r.reviewLink());
        property(x, "fallback_decision", r.verdict().wire());
        property(x, "operator_result", r.verdict().operatorResult());
        nl(x, 2);
        x.writeEndElement();

        for (AttemptResult a : r.attempts()) {
            testcase(x, r, a);
        }
        nl(x, 2);
        x.writeStartElement("system-out");
        text(x, VerdictLine.of(r)
                + (r.reasons().isEmpty() ? "" : "\nreasons: " + String.join(", ", r.reasons())));
        x.writeEndElement();
        nl(x, 1);
        x.writeEndElement();
    }

    private void testcase(XMLStreamWriter x, RouteResult r, AttemptResult a) throws XMLStreamException {
        Decision d = a.judgement().decision();
        List<String> reasons = a.judgement().reasons();
        nl(x, 2);
        boolean bare = d == Decision.PROMOTE && reasons.isEmpty();
        if (bare) {
            x.writeEmptyElement("testcase");
        } else {
            x.writeStartElement("testcase");
        }
        attr(x, "name", r.label() + " / " + r.family().wire() + " / " + a.phase().wire());
        attr(x, "classname", "rollforward." + r.label());
        attr(x, "time", seconds(a.durationMs()));
        if (bare) {
            return;
        }
        nl(x, 3);
        if (d == Decision.PROMOTE) {
            // a pass with a note (such as gateway_retry_count_unknown): shown, not failed
            x.writeStartElement("system-out");
            text(x, details(a));
        } else {
            x.writeStartElement(d == Decision.STAY ? "failure" : "error");
            attr(x, "message", d.wire() + (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons)));
            attr(x, "type", d.wire());
            text(x, d.inWords() + "\n" + details(a));
        }
        x.writeEndElement();
        nl(x, 2);
        x.writeEndElement();
    }

    /** What a person needs to see in the CI view: the record's fields, no body, no header values. */
    private static String details(AttemptResult a) {
        StringBuilder sb = new StringBuilder();
        sb.append("decision: ").append(a.judgement().decision().wire()).append('\n');
        sb.append("http_status: ").append(StatusText.numberThenClass(a)).append('\n');
        sb.append("response_shape_seen: ").append(a.shapeSeen().wire()).append('\n');
        sb.append("retry_count: ").append(a.retryCount()).append(" (gateway ").append(a.gateway().count()).append(")\n");
        List<String> reasons = a.judgement().reasons();
        sb.append("reasons: ").append(reasons.isEmpty() ? "none" : String.join(", ", reasons)).append('\n');
        if (a.noAnswerDetail() != null) {
            sb.append("detail: ").append(a.noAnswerDetail()).append('\n');
        }
        sb.append("started_at: ").append(a.startedAt());
        return sb.toString();
    }

    private static DecisionCounts attempts(RouteResult r) {
        return DecisionCounts.of(r.attempts().stream().map(a -> a.judgement().decision()).toList());
    }

    private void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        nl(x, 3);
        x.writeEmptyElement("property");
        attr(x, "name", name);
        attr(x, "value", value);
    }

    private void attr(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, clean(value));
    }

    private static void attr(XMLStreamWriter x, String name, int value) throws XMLStreamException {
        x.writeAttribute(name, Integer.toString(value));
    }

    private void text(XMLStreamWriter x, String value) throws XMLStreamException {
        x.writeCharacters(clean(value));
    }

    private static void nl(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** Redacted, and with what XML 1.0 cannot carry (control characters, lone surrogates) replaced. */
    private String clean(String value) {
        return xmlSafe(redactor.redact(value));
    }

    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, millis) / 1000.0);
    }

    private static String timestamp(Instant t) {
        return TIMESTAMP.format(t);
    }
}
