package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.run.Invocation;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A base_url typo is said before it misleads; --base-url points a config elsewhere, and says where the keys go. */
class BaseUrlTest {

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    /** An expectation that would tell a silent fallback, so validate's only warnings are about base_url. */
    private static final String CATCHES_FALLBACK = "expect: {model_prefix: gpt-4o-mini}";

    @Test
    void validateAndPlanWarnOfABaseUrlThatAlreadyEndsInTheFamilysPath() {
        String doubled = server.url("/v1/chat/completions").toString();
        Path config = cli.write(RouteConfig.at(doubled).with(CATCHES_FALLBACK));
        String warning = "warning: primary: base_url ends with /chat/completions, which rollforward adds itself "
                + "(requests would go to " + doubled + "/chat/completions): use base_url " + server.url("/v1");

        assertThat(cli.run("validate", "--config", config.toString())).isZero();
        assertThat(cli.stderr.lines()).containsExactly(warning, "OK: " + config + ": 1 route: primary (chat)");
        assertThat(cli.run("plan", "--config", config.toString())).isZero();
        assertThat(cli.stderr.lines()).first().isEqualTo(warning);
        assertThat(cli.record(0).get("url").asText()).isEqualTo(doubled + "/chat/completions");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void validateWarnsOfABaseUrlWithoutAVersionAndNotOfAGoodOne() {
        String root = server.url("/").toString();
        assertThat(cli.run("validate", "--config", cli.write(RouteConfig.at(root).with(CATCHES_FALLBACK)).toString())).isZero();
        assertThat(cli.stderr.lines()).first().isEqualTo("warning: primary: base_url has no version segment such as /v1, "
                + "so requests go to " + root + "chat/completions; OpenAI-compatible gateways serve /chat/completions under "
                + "/v1: use base_url " + root.substring(0, root.length() - 1) + "/v1");

        assertThat(cli.run("validate", "--config", cli.write(RouteConfig.at(server).with(CATCHES_FALLBACK)).toString())).isZero();
        assertThat(cli.stderr).doesNotContain("warning");
    }

    @Test
    void aHappyPath404SaysWhichUrlWasCalledAndWhatToChange() {
        server.setDispatcher(Upstream.answering(r -> Upstream.json(404, "{\"error\":{\"message\":\"Not Found\"}}")));
        String doubled = server.url("/v1/chat/completions").toString();

        assertThat(cli.run("check", "--config", cli.write(RouteConfig.at(doubled)).toString())).isEqualTo(1);
        assertThat(cli.stderrLinesWith("404 from")).containsExactly("  primary happy-path: 404 from POST " + doubled
                + "/chat/completions: base_url ends with /chat/completions, which rollforward adds itself (requests would "
                + "go to " + doubled + "/chat/completions): use base_url " + server.url("/v1"));

        assertThat(cli.run("check", "--config", cli.write(RouteConfig.at(server)).toString())).isEqualTo(1);
        assertThat(cli.stderrLinesWith("404 from")).containsExactly("  primary happy-path: 404 from POST "
                + server.url("/v1/chat/completions") + ": check the route's base_url (the API's root, usually ending in "
                + "/v1, without /chat/completions) and its model");
    }

    @Test
    void baseUrlSendsEveryRouteThereAndSaysWhereTheKeysGo() {
        server.setDispatcher(Upstream.healthy());
        // upstream_host spelled out as the config's own host follows the route to its new host.
        Path config = cli.write(RouteConfig.at("http://localhost:1/v1").routes(2).with("expect: {upstream_host: localhost}"));
        String target = server.url("/v1").toString();

        assertThat(cli.run("check", "--config", config.toString(), "--all", "--base-url", target)).isZero();
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(cli.stderr.lines()).first().isEqualTo("warning: --base-url: every route of " + config + " goes to "
                + target + ", not to http://localhost:1/v1 as the config says; the keys are sent there");
        assertThat(cli.run("check", "--config", config.toString(), "--all", "--base-url", target, "--quiet")).isZero();
        assertThat(cli.stderr).startsWith("warning: --base-url: every route of ");
    }

    @Test
    void anUpstreamHostNamingAnotherHostStillHoldsTheRouteToIt() {
        server.setDispatcher(Upstream.healthy());
        Path config = cli.write(RouteConfig.at("http://localhost:1/v1").with("expect: {upstream_host: api.example.com}"));

        assertThat(cli.run("check", "--config", config.toString(), "--base-url", server.url("/v1").toString())).isEqualTo(1);
        assertThat(Cli.reasons(cli.record(0))).containsExactly("wrong_upstream_host");
    }

    @Test
    void aBaseUrlThatCouldCarryAKeyIsAUsageErrorAndNothingIsSent() {
        Path config = cli.write(RouteConfig.at(server));

        assertThat(cli.run("check", "--config", config.toString(), "--base-url", "http://user:pw@127.0.0.1:1/v1")).isEqualTo(64);
        assertThat(cli.stderr).startsWith("rollforward: --base-url must not carry a user or password;");
        assertThat(cli.run("plan", "--config", config.toString(), "--base-url", "ftp://127.0.0.1/v1")).isEqualTo(64);
        assertThat(server.getRequestCount()).isZero();
    }

    /** The sandbox on a port of its own prints a check that, pasted as it is, checks that sandbox and promotes. */
    @Test
    void theSandboxsTryLineWorksWhenPasted() throws Exception {
        cli.invocation = new Invocation("rollforward", Path.of("").toAbsolutePath());
        CompletableFuture<Integer> sandbox = cli.start("sandbox", "--port", "0");
        List<String> lines = cli.awaitStderr("stop with Ctrl-C").lines().toList();
        String export = lines.stream().filter(l -> l.contains("try:")).findFirst().orElseThrow();
        String command = lines.get(lines.indexOf(export) + 1).strip();
        assertThat(command).matches("rollforward check --config config/sandbox.yaml --route sandbox-chat "
                + "--base-url http://127.0.0.1:\\d+/v1");
        String[] assignment = export.substring(export.indexOf("export ") + "export ".length()).split("=", 2);
        cli.env.put(assignment[0], assignment[1]);

        String[] words = command.split(" ");
        assertThat(cli.run(Arrays.copyOfRange(words, 1, words.length))).isZero();
        assertThat(cli.records()).hasSize(3);
        cli.sendStop();
        assertThat(sandbox.get(30, TimeUnit.SECONDS)).isZero();
    }
}
