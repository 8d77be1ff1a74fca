package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.check.Bodies;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

class JUnitReportTest {

    @TempDir
    Path dir;

    private Document write(Path file, RouteResult... routes) throws Exception {
        return write(file, Results.summary("rollforward check --config routes.yaml --all", routes), routes);
    }

    private Document write(Path file, RunSummary summary, RouteResult... routes) throws Exception {
        JUnitReport report = new JUnitReport(file, Results.REDACTOR);
        report.checkWritable();
        for (RouteResult r : routes) {
            report.accept(r);
        }
        report.finish(summary);
        return parse(file);
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(file.toFile());
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element && ((Element) nodes.item(i)).getTagName().equals(name)) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }

    private static int intAttr(Element e, String name) {
        return Integer.parseInt(e.getAttribute(name));
    }

    private static String property(Element suite, String name) {
        for (Element p : children(children(suite, "properties").get(0), "property")) {
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }

    @Test
    void aPassingRunIsGreenWithACaseForEveryAttempt() throws Exception {
        Path file = dir.resolve("reports/junit/rollforward.xml");
        Document doc = write(file, Results.promote("cometapi-primary", RequestFamily.CHAT, Results.REVIEW),
                Results.promote("newapi-backup", RequestFamily.RESPONSES, null));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("rollforward");
        assertThat(intAttr(root, "tests")).isEqualTo(4);
        assertThat(intAttr(root, "failures")).isZero();
        assertThat(intAttr(root, "errors")).isZero();
        assertThat(root.getAttribute("time")).isEqualTo("0.046");

        List<Element> suites = children(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name"))
                .containsExactly("cometapi-primary / chat", "newapi-backup / responses");
        Element first = suites.get(0);
        assertThat(intAttr(first, "tests")).isEqualTo(2);
        assertThat(intAttr(first, "failures")).isZero();
        assertThat(intAttr(first, "errors")).isZero();
        assertThat(intAttr(first, "skipped")).isZero();
        assertThat(first.getAttribute("time")).isEqualTo("0.023");
        assertThat(first.getAttribute("timestamp")).isEqualTo("2026-11-27T03:04:05");
        assertThat(property(first, "check_id")).isEqualTo(Results.CHECK_ID);
        assertThat(property(first, "review_link")).isEqualTo(Results.REVIEW);
        assertThat(property(suites.get(1), "review_link")).isEqualTo("none");
        assertThat(property(first, "fallback_decision")).isEqualTo("promote");

        List<Element> cases = children(first, "testcase");
        assertThat(cases).extracting(c -> c.getAttribute("name"))
                .containsExactly("cometapi-primary / chat / happy-path", "cometapi-primary / chat / error-path");
        assertThat(cases).extracting(c -> c.getAttribute("classname")).containsOnly("rollforward.cometapi-primary");
        assertThat(cases).extracting(c -> c.getAttribute("time")).containsExactly("0.012", "0.008");
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
        assertThat(doc.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void aStayIsAFailure() throws Exception {
        Document doc = write(dir.resolve("junit.xml"), Results.promote("ok", RequestFamily.CHAT, null),
                Results.stay("moved", Results.REVIEW));

        Element root = doc.getDocumentElement();
        assertThat(intAttr(root, "tests")).isEqualTo(4);
        assertThat(intAttr(root, "failures")).isEqualTo(1);
        assertThat(intAttr(root, "errors")).isZero();

        Element suite = children(root, "testsuite").get(1);
        assertThat(suite.getAttribute("name")).isEqualTo("moved / chat");
        assertThat(intAttr(suite, "failures")).isEqualTo(1);
        Element happy = children(suite, "testcase").get(0);
        assertThat(happy.getAttribute("name")).isEqualTo("moved / chat / happy-path");
        Element failure = children(happy, "failure").get(0);
        assertThat(failure.getAttribute("type")).isEqualTo("stay");
        assertThat(failure.getAttribute("message")).isEqualTo("stay: wrong_upstream_host");
        assertThat(failure.getTextContent()).contains("http_status: 200 (2xx)", "response_shape_seen: expected",
                "retry_count: 0", "reasons: wrong_upstream_host", "do not roll forward");
        assertThat(children(children(suite, "testcase").get(1), "failure")).isEmpty();
        assertThat(property(suite, "operator_result")).isEqualTo("fail");
    }

    @Test
    void aHoldIsAnErrorSoItNeverLooksGreen() throws Exception {
        Document doc = write(dir.resolve("junit.xml"), Results.hold("blocked", null));

        Element root = doc.getDocumentElement();
        assertThat(intAttr(root, "tests")).isEqualTo(2);
        assertThat(intAttr(root, "failures")).isZero();
        assertThat(intAttr(root, "errors")).isEqualTo(2);
        assertThat(root.getAttribute("time")).isEqualTo("31.503");

        Element suite = children(root, "testsuite").get(0);
        assertThat(suite.getAttribute("name")).isEqualTo("blocked / responses");
        assertThat(intAttr(suite, "errors")).isEqualTo(2);
        List<Element> cases = children(suite, "testcase");
        Element happyError = children(cases.get(0), "error").get(0);
        assertThat(happyError.getAttribute("type")).isEqualTo("hold");
        assertThat(happyError.getAttribute("message")).isEqualTo("hold: canary_credential_refused");
        assertThat(happyError.getTextContent()).contains("http_status: 401 (4xx)");
        Element errorPath = children(cases.get(1), "error").get(0);
        assertThat(errorPath.getAttribute("message")).isEqualTo("hold: no_response, timeout");
        assertThat(errorPath.getTextContent()).contains("http_status: none", "detail: no answer within request_ms");
        assertThat(cases.get(1).getAttribute("time")).isEqualTo("30.000");
    }

    @Test
    void aMixedRunCountsEachKind() throws Exception {
        Document doc = write(dir.resolve("junit.xml"), Results.stay("s", null), Results.hold("h", null),
                Results.promote("p", RequestFamily.RESPONSES, null));
        Element root = doc.getDocumentElement();
        assertThat(intAttr(root, "tests")).isEqualTo(6);
        assertThat(intAttr(root, "failures")).isEqualTo(1);
        assertThat(intAttr(root, "errors")).isEqualTo(2);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(6);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(2);
    }

    @Test
    void aPromoteWithANoteKeepsItAsOutputNotAFailure() throws Exception {
        RouteResult r = Results.noted("noted");
        assertThat(r.verdict()).isEqualTo(dev.rollforward.vocabulary.Decision.PROMOTE);

        Document doc = write(dir.resolve("junit.xml"), r);
        Element root = doc.getDocumentElement();
        assertThat(intAttr(root, "failures") + intAttr(root, "errors")).isZero();
        Element happy = (Element) doc.getElementsByTagName("testcase").item(0);
        assertThat(children(happy, "system-out").get(0).getTextContent())
                .contains("reasons: gateway_retry_count_unknown", "retry_count: 1 (resends 0, gateway retries 1, gateway fallbacks 0)");
    }

    @Test
    void credentialsAreRedactedAndEverythingIsEscaped() throws Exception {
        Path file = dir.resolve("junit.xml");
        String checkId = "check <&\"'> ]]> \u0001 " + Results.CANARY;
        RunSummary summary = new RunSummary(checkId, new DecisionCounts(0, 0, 1), "rollforward check");
        Document doc = write(file, summary, Results.leakyHold("leaky"));

        String xml = Files.readString(file);
        assertThat(xml).doesNotContain(Results.CANARY).doesNotContain(Results.DISABLED);
        assertThat(Results.REDACTOR.containsCredential(xml)).isFalse();
        Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
        assertThat(property(suite, "check_id")).isEqualTo("check <&\"'> ]]> \uFFFD " + Redactor.MASK);
        assertThat(property(suite, "review_link")).isEqualTo(Results.REVIEW + "?token=" + Redactor.MASK);
        Element error = children(children(suite, "testcase").get(1), "error").get(0);
        assertThat(error.getAttribute("message")).startsWith("hold: no_response, connect_failed ").contains(Redactor.MASK);
        assertThat(error.getTextContent()).contains("refused by <proxy> & co").doesNotContain("Bearer sk-");
    }

    @Test
    void aSecondRunReplacesTheReportWhole() throws Exception {
        Path file = dir.resolve("junit.xml");
        write(file, Results.stay("one", null), Results.stay("two", null), Results.stay("three", null));
        Document doc = write(file, Results.promote("only", RequestFamily.CHAT, null));
        assertThat(intAttr(doc.getDocumentElement(), "tests")).isEqualTo(2);
        assertThat(Files.readString(file)).doesNotContain("three");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("junit.xml");
        }
    }

    @Test
    void anEmptyRunIsStillAReport() throws Exception {
        Document doc = write(dir.resolve("junit.xml"));
        assertThat(intAttr(doc.getDocumentElement(), "tests")).isZero();
    }

    @Test
    void anUnwritablePathIsAnErrorNamingIt() throws IOException {
        Path folder = dir.resolve("junit.xml");
        Files.createDirectories(folder.resolve("keep"));
        JUnitReport report = new JUnitReport(folder, Results.REDACTOR);
        report.accept(Results.promote("a", RequestFamily.CHAT, null));
        assertThatThrownBy(() -> report.finish(Results.summary("x")))
                .isInstanceOf(OutputFileException.class)
                .hasMessageStartingWith("cannot write JUnit report " + folder + ": ");
        assertThatThrownBy(report::checkWritable).isInstanceOf(OutputFileException.class);
        assertThat(folder.resolve("keep")).isDirectory();

        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        Path under = blocker.resolve("junit.xml");
        JUnitReport other = new JUnitReport(under, Results.REDACTOR);
        assertThatThrownBy(() -> other.finish(Results.summary("x")))
                .isInstanceOf(OutputFileException.class)
                .hasMessageContaining(under.toString())
                .satisfies(e -> assertThat(((OutputFileException) e).path()).isEqualTo(under));
    }

    /** The whole document, byte for byte, so that no refactoring can change what CI reads. */
    @Test
    void theDocumentIsExactlyThis() throws Exception {
        Path file = dir.resolve("junit.xml");
        RouteResult[] routes = Results.everyKind();
        write(file, Results.summary("rollforward check --config routes.yaml --all", routes), routes);
        assertThat(Files.readString(file)).isEqualTo("""
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="rollforward" tests="12" failures="2" errors="3" time="31.794">
              <testsuite name="cometapi-primary / chat" tests="2" failures="0" errors="0" skipped="0" time="0.023" timestamp="2026-11-27T03:04:05">
                <properties>
                  <property name="check_id" value="route-rollforward-check-20261127-0304"/>
                  <property name="route_label" value="cometapi-primary"/>
                  <property name="request_family" value="chat"/>
                  <property name="review_link" value="https://tickets.example.com/ROUTE-123"/>
                  <property name="fallback_decision" value="promote"/>
                  <property name="operator_result" value="pass"/>
                </properties>
                <testcase name="cometapi-primary / chat / happy-path" classname="rollforward.cometapi-primary" time="0.012"/>
                <testcase name="cometapi-primary / chat / error-path" classname="rollforward.cometapi-primary" time="0.008"/>
                <system-out>verdict cometapi-primary (chat): promote: traffic may roll forward</system-out>
              </testsuite>
              <testsuite name="moved / chat" tests="2" failures="1" errors="0" skipped="0" time="0.052" timestamp="2026-11-27T03:04:05">
                <properties>
                  <property name="check_id" value="route-rollforward-check-20261127-0304"/>
                  <property name="route_label" value="moved"/>
                  <property name="request_family" value="chat"/>
                  <property name="review_link" value="none"/>
                  <property name="fallback_decision" value="stay"/>
                  <property name="operator_result" value="fail"/>
                </properties>
                <testcase name="moved / chat / happy-path" classname="rollforward.moved" time="0.040">
                  <failure message="stay: wrong_upstream_host" type="stay">stay: do not roll forward; keep traffic where it is
            decision: stay
            http_status: 200 (2xx)
            response_shape_seen: expected
            retry_count: 0 (resends 0, gateway retries 0, gateway fallbacks 0)
            served_by: - (gateway none)
            correlation_id: route-rollforward-check-20261127-0304.moved.happy-path
            reasons: wrong_upstream_host
            started_at: 2026-11-27T03:04:05Z</failure>
                </testcase>
                <testcase name="moved / chat / error-path" classname="rollforward.moved" time="0.009"/>
                <system-out>verdict moved (chat): stay: do not roll forward; keep traffic where it is
            reasons: happy-path:wrong_upstream_host</system-out>
              </testsuite>
              <testsuite name="blocked / responses" tests="2" failures="0" errors="2" skipped="0" time="31.503" timestamp="2026-11-27T03:04:05">
                <properties>
                  <property name="check_id" value="route-rollforward-check-20261127-0304"/>
                  <property name="route_label" value="blocked"/>
                  <property name="request_family" value="responses"/>
                  <property name="review_link" value="https://tickets.example.com/ROUTE-123"/>
                  <property name="fallback_decision" value="hold"/>
                  <property name="operator_result" value="fail"/>
                </properties>
                <testcase name="blocked / responses / happy-path" classname="rollforward.blocked" time="1.500">
                  <error message="hold: canary_credential_refused" type="hold">hold: do not roll forward yet; a person must look
            decision: hold
            http_status: 401 (4xx)
            response_shape_seen: unexpected
            retry_count: 0 (resends 0, gateway retries 0, gateway fallbacks 0)
            served_by: - (gateway none)
            correlation_id: route-rollforward-check-20261127-0304.blocked.happy-path
            reasons: canary_credential_refused
            started_at: 2026-11-27T03:04:05Z</error>
                </testcase>
                <testcase name="blocked / responses / error-path" classname="rollforward.blocked" time="30.000">
                  <error message="hold: no_response, timeout" type="hold">hold: do not roll forward yet; a person must look
            decision: hold
            http_status: none
            response_shape_seen: none
            retry_count: 0 (resends 0, gateway retries 0, gateway fallbacks 0)
            served_by: - (gateway none)
            correlation_id: route-rollforward-check-20261127-0304.blocked.error-path
            reasons: no_response, timeout
            detail: no answer within request_ms
            started_at: 2026-11-27T03:04:05.050Z</error>
                </testcase>
                <system-out>verdict blocked (responses): hold: do not roll forward yet; a person must look
            reasons: happy-path:canary_credential_refused, error-path:no_response, error-path:timeout</system-out>
              </testsuite>
              <testsuite name="leaky / chat" tests="2" failures="0" errors="1" skipped="0" time="0.040" timestamp="2026-11-27T03:04:05">
                <properties>
                  <property name="check_id" value="route-rollforward-check-20261127-0304"/>
                  <property name="route_label" value="leaky"/>
                  <property name="request_family" value="chat"/>
                  <property name="review_link" value="https://tickets.example.com/ROUTE-123?token=[REDACTED]"/>
                  <property name="fallback_decision" value="hold"/>
                  <property name="operator_result" value="fail"/>
                </properties>
                <testcase name="leaky / chat / happy-path" classname="rollforward.leaky" time="0.012"/>
                <testcase name="leaky / chat / error-path" classname="rollforward.leaky" time="0.025">
                  <error message="hold: no_response, connect_failed [REDACTED]" type="hold">hold: do not roll forward yet; a person must look
            decision: hold
            http_status: none
            response_shape_seen: none
            retry_count: 0 (resends 0, gateway retries 0, gateway fallbacks 0)
            served_by: - (gateway none)
            correlation_id: route-rollforward-check-20261127-0304.leaky.error-path
            reasons: no_response, connect_failed [REDACTED]
            detail: proxy said Bearer [REDACTED] refused by &lt;proxy&gt; &amp; co
            started_at: 2026-11-27T03:04:05.050Z</error>
                </testcase>
                <system-out>verdict leaky (chat): hold: do not roll forward yet; a person must look
            reasons: error-path:no_response, error-path:connect_failed [REDACTED]</system-out>
              </testsuite>
              <testsuite name="noted / chat" tests="2" failures="0" errors="0" skipped="0" time="0.013" timestamp="2026-11-27T03:04:05">
                <properties>
                  <property name="check_id" value="route-rollforward-check-20261127-0304"/>
                  <property name="route_label" value="noted"/>
                  <property name="request_family" value="chat"/>
                  <property name="review_link" value="none"/>
                  <property name="fallback_decision" value="promote"/>
                  <property name="operator_result" value="pass"/>
                </properties>
                <testcase name="noted / chat / happy-path" classname="rollforward.noted" time="0.005">
                  <system-out>decision: promote
            http_status: 200 (2xx)
            response_shape_seen: expected
            retry_count: 1 (resends 0, gateway retries 1, gateway fallbacks 0)
            served_by: - (gateway none)
            correlation_id: route-rollforward-check-20261127-0304.noted.happy-path
            reasons: gateway_retry_count_unknown
            started_at: 2026-11-27T03:04:05Z</system-out>
                </testcase>
                <testcase name="noted / chat / error-path" classname="rollforward.noted" time="0.005"/>
                <system-out>verdict noted (chat): promote: traffic may roll forward
            reasons: happy-path:gateway_retry_count_unknown</system-out>
              </testsuite>
              <testsuite name="portkey-chat / chat" tests="2" failures="1" errors="0" skipped="0" time="0.163" timestamp="2026-11-27T03:04:05">
                <properties>
                  <property name="check_id" value="route-rollforward-check-20261127-0304"/>
                  <property name="route_label" value="portkey-chat"/>
                  <property name="request_family" value="chat"/>
                  <property name="review_link" value="https://tickets.example.com/ROUTE-123"/>
                  <property name="fallback_decision" value="stay"/>
                  <property name="operator_result" value="fail"/>
                </properties>
                <testcase name="portkey-chat / chat / happy-path" classname="rollforward.portkey-chat" time="0.140">
                  <failure message="stay: gateway_fell_back" type="stay">stay: do not roll forward; keep traffic where it is
            decision: stay
            http_status: 200 (2xx)
            response_shape_seen: expected
            retry_count: 1 (resends 0, gateway retries 0, gateway fallbacks 1)
            served_by: config.targets[1] (gateway portkey)
            correlation_id: route-rollforward-check-20261127-0304.portkey-chat.happy-path
            reasons: gateway_fell_back
            started_at: 2026-11-27T03:04:05Z</failure>
                </testcase>
                <testcase name="portkey-chat / chat / error-path" classname="rollforward.portkey-chat" time="0.020"/>
                <system-out>verdict portkey-chat (chat): stay: do not roll forward; keep traffic where it is
            reasons: happy-path:gateway_fell_back</system-out>
              </testsuite>
            </testsuites>
            """);
    }
}
