package dev.rollforward.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.vocabulary.Previous;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StderrTableTest {

    private static String shown(boolean terminal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, terminal);
        console.redactor(Results.REDACTOR);
        StderrTable table = new StderrTable(console);
        RouteResult[] routes = Results.everyKind();
        for (RouteResult r : routes) {
            table.accept(r);
        }
        table.finish(Results.summary("rollforward check", routes));
        assertThat(out.size()).as("nothing for a person goes to stdout").isZero();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRowPerAttemptThenEachVerdictInWordsThenTheCounts() {
        assertThat(shown(false)).isEqualTo("""
            ROUTE                    FAMILY    PHASE      STATUS SHAPE      RETRIES SERVED BY         DECISION REASONS
            cometapi-primary         chat      happy-path 200    expected   0       -                 promote  -
            cometapi-primary         chat      error-path 401    expected   0       -                 promote  -
              verdict cometapi-primary (chat): promote: traffic may roll forward
            moved                    chat      happy-path 200    expected   0       -                 stay     wrong_upstream_host
            moved                    chat      error-path 401    expected   0       -                 promote  -
              verdict moved (chat): stay: do not roll forward; keep traffic where it is
            blocked                  responses happy-path 401    unexpected 0       -                 hold     canary_credential_refused
            blocked                  responses error-path none   none       0       -                 hold     no_response,timeout
              verdict blocked (responses): hold: do not roll forward yet; a person must look
              blocked error-path: no answer within request_ms
            leaky                    chat      happy-path 200    expected   0       -                 promote  -
            leaky                    chat      error-path none   none       0       -                 hold     no_response,connect_failed [REDACTED]
              verdict leaky (chat): hold: do not roll forward yet; a person must look
              leaky error-path: proxy said Bearer [REDACTED] refused by <proxy> & co
            noted                    chat      happy-path 200    expected   1       -                 promote  gateway_retry_count_unknown
            noted                    chat      error-path 401    expected   0       -                 promote  -
              verdict noted (chat): promote: traffic may roll forward
            portkey-chat             chat      happy-path 200    expected   1       config.targets[1] stay     gateway_fell_back
            portkey-chat             chat      error-path 401    expected   0       config.targets[0] promote  -
              verdict portkey-chat (chat): stay: do not roll forward; keep traffic where it is
            6 routes checked: 2 promote, 2 stay, 2 hold
            """);
    }

    @Test
    void aTerminalSeesEachVerdictInItsColour() {
        assertThat(shown(true)).isEqualTo("""
            ROUTE                    FAMILY    PHASE      STATUS SHAPE      RETRIES SERVED BY         DECISION REASONS
            cometapi-primary         chat      happy-path 200    expected   0       -                 promote  -
            cometapi-primary         chat      error-path 401    expected   0       -                 promote  -
              verdict cometapi-primary (chat): \033[1;32mpromote: traffic may roll forward\033[0m
            moved                    chat      happy-path 200    expected   0       -                 stay     wrong_upstream_host
            moved                    chat      error-path 401    expected   0       -                 promote  -
              verdict moved (chat): \033[1;31mstay: do not roll forward; keep traffic where it is\033[0m
            blocked                  responses happy-path 401    unexpected 0       -                 hold     canary_credential_refused
            blocked                  responses error-path none   none       0       -                 hold     no_response,timeout
              verdict blocked (responses): \033[1;33mhold: do not roll forward yet; a person must look\033[0m
              blocked error-path: no answer within request_ms
            leaky                    chat      happy-path 200    expected   0       -                 promote  -
            leaky                    chat      error-path none   none       0       -                 hold     no_response,connect_failed [REDACTED]
              verdict leaky (chat): \033[1;33mhold: do not roll forward yet; a person must look\033[0m
              leaky error-path: proxy said Bearer [REDACTED] refused by <proxy> & co
            noted                    chat      happy-path 200    expected   1       -                 promote  gateway_retry_count_unknown
            noted                    chat      error-path 401    expected   0       -                 promote  -
              verdict noted (chat): \033[1;32mpromote: traffic may roll forward\033[0m
            portkey-chat             chat      happy-path 200    expected   1       config.targets[1] stay     gateway_fell_back
            portkey-chat             chat      error-path 401    expected   0       config.targets[0] promote  -
              verdict portkey-chat (chat): \033[1;31mstay: do not roll forward; keep traffic where it is\033[0m
            6 routes checked: 2 promote, 2 stay, 2 hold
            """);
    }

    /** One line per route names what changed since its last check, after everything else about the route. */
    @Test
    void withAnEvidenceLogEachRouteEndsWithWhatChangedSinceItsLastCheck() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, false);
        StderrTable table = new StderrTable(console);
        table.accept(Results.hold("blocked", null).withPrevious(new Previous.Check("night-1", "2026-11-27T03:40:05Z",
                "promote", List.of(new Previous.Change("credential_fingerprint", "sha256:537d009e02fa", "sha256:cccc103ede1a")))));
        table.accept(Results.promote("fresh", RequestFamily.CHAT, null).withPrevious(Previous.FIRST_CHECK));
        assertThat(err.toString(StandardCharsets.UTF_8)).endsWith("""
              verdict blocked (responses): hold: do not roll forward yet; a person must look
              blocked error-path: no answer within request_ms
              blocked: changed since night-1 (promote, 2026-11-27T03:40:05Z): credential_fingerprint sha256:537d009e02fa \u2192 sha256:cccc103ede1a
            fresh                    chat      happy-path 200    expected   0       -                 promote  -
            fresh                    chat      error-path 401    expected   0       -                 promote  -
              verdict fresh (chat): promote: traffic may roll forward
              fresh: no earlier check of this route in the evidence log
            """);
    }
}
