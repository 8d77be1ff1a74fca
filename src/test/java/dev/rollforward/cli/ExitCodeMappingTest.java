package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Bad option values are usage errors (64) in one line before anything runs; a bug is 70 in one line. */
class ExitCodeMappingTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            check --config x.yaml --concurrency 0      | --concurrency must be between 1 and 256, not 0                 | check
            check --config x.yaml --concurrency 257    | --concurrency must be between 1 and 256, not 257               | check
            check --config x.yaml --concurrency many   | Invalid value for option '--concurrency': 'many' is not an int | check
            check --config x.yaml --check-id a/b       | --check-id may only use letters, digits and . _ : - (at most 128) | check
            check --config x.yaml --review-link ROUTE-1 | --review-link must be an http(s) link to the review or ticket, or empty | check
            check --config x.yaml -q -v                | --quiet, --verbose are mutually exclusive (specify only one)   | check
            sandbox --port 65536                       | --port must be between 0 and 65535                             | sandbox
            sandbox --port -1                          | --port must be between 0 and 65535                             | sandbox
            demo --mode nope                           | unknown --mode 'nope'; one of: healthy, overloaded, rate-limited, wrong-shape, accepts-any-key, hang, flaky, quota-exhausted, wrong-upstream, redirect, html-errors, gateway-retries, echo-key, gateway-fell-back, gateway-error, stream-cut, stream-buffered, stream-error | demo
            """)
    void aBadOptionValueIsOneUsageLineAndExit64(String args, String message, String command) {
        assertThat(cli.run(args.split(" "))).isEqualTo(64);
        assertThat(cli.stderr.lines()).containsExactly("rollforward: " + message,
                "Try 'bin/rollforward " + command + " --help' for the options.");
        assertThat(cli.stdout).isEmpty();
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(cli.run()).isEqualTo(64);
        assertThat(cli.stderr).startsWith("rollforward: a subcommand is required (check, validate, plan, sandbox, demo, history)\n");
    }

    @Test
    void aBugIsOneLineWithoutTheRunsKeysAndExit70() {
        Path config = cli.write(RouteConfig.at(server));
        server.setDispatcher(Upstream.healthy());
        String canary = breakTheClockNamingThe("plain-canary-key-value-4711");

        assertThat(cli.run("check", "--config", config.toString(), "--check-id", "chk-1")).isEqualTo(70);
        assertThat(cli.stderr.lines()).last().isEqualTo("rollforward: internal error: IllegalStateException: "
                + "the clock broke holding [REDACTED] (a bug; rerun with --verbose for the stack trace)");
        assertThat(cli.stderr).doesNotContain(canary).doesNotContain("    at ");
    }

    @Test
    void underVerboseABugShowsItsStackTraceStillRedacted() {
        Path config = cli.write(RouteConfig.at(server));
        server.setDispatcher(Upstream.healthy());
        String canary = breakTheClockNamingThe("plain-canary-key-value-4711");

        assertThat(cli.run("check", "--config", config.toString(), "--check-id", "chk-1", "--verbose")).isEqualTo(70);
        assertThat(cli.stderr).contains("rollforward: internal error: IllegalStateException: the clock broke holding [REDACTED]\n")
                .contains("\n    at dev.rollforward.").doesNotContain(canary);
    }

    /** The canary key becomes a value no key pattern knows, and the clock fails naming it once the check runs. */
    private String breakTheClockNamingThe(String canary) {
        cli.env.put(Cli.CANARY_ENV, canary);
        cli.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new IllegalStateException("the clock broke holding " + canary);
            }
        };
        return canary;
    }
}
