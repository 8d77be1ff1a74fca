package dev.rollforward.config;

import static dev.rollforward.config.ConfigLoaderErrorsTest.HEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.rollforward.secrets.Credentials;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CONTRACT §2-§3: gateway, headers_env, expect.served_by and upstream_header.matches, loaded and refused. */
class ConfigLoaderGatewayTest {

    private static Route load(String extra) throws ConfigException {
        return ConfigLoader.parse("test.yaml", HEAD + extra).routes().get(0);
    }

    @Test
    void withoutAGatewayNothingChanges() throws Exception {
        Route r = load("");

        assertThat(r.gateway()).isSameAs(Gateway.NONE);
        assertThat(r.retry().maxRetries()).isEqualTo(1);
        assertThat(r.gatewayRetryHeaders()).containsExactly("x-litellm-attempted-retries", "x-portkey-retry-attempt-count");
        assertThat(r.expect().upstreamHost()).isEqualTo("api.cometapi.com");
        assertThat(r.expect().servedBy()).isNull();
        assertThat(r.headersEnv()).isEmpty();
    }

    @Test
    void behindPortkeyTheFirstTargetMustServeAndTheGatewayIsTheOnlyRetryLayer() throws Exception {
        Route r = load("    gateway: portkey\n");

        assertThat(r.gateway()).isSameAs(Gateway.PORTKEY);
        assertThat(r.retry().maxRetries()).isZero();
        assertThat(r.retry().baseDelayMs()).isEqualTo(250);
        assertThat(r.gatewayRetryHeaders()).containsExactly("x-portkey-retry-attempt-count");
        assertThat(r.expect().servedBy()).isEqualTo("config.targets[0]");
    }

    @Test
    void retryDefaultsToZeroBehindAGatewayUnlessSetInTheRetryBlock() throws Exception {
        assertThat(load("    gateway: litellm\n    retry: {base_delay_ms: 10}\n").retry().maxRetries()).isZero();
        assertThat(load("    gateway: litellm\n    retry: {max_retries: 2}\n").retry().maxRetries()).isEqualTo(2);
    }

    @Test
    void behindLiteLlmUpstreamHostHasNoDefaultSinceTheProxyIsNotTheUpstream() throws Exception {
        Route r = load("    gateway: litellm\n");

        assertThat(r.expect().upstreamHost()).isNull();
        assertThat(r.expect().servedBy()).isNull();
        assertThat(r.gatewayRetryHeaders()).containsExactly("x-litellm-attempted-retries");
        assertThat(load("    gateway: litellm\n    expect: {upstream_host: api.openai.com, served_by: deploy-1}\n")
                .expect()).satisfies(e -> {
                    assertThat(e.upstreamHost()).isEqualTo("api.openai.com");
                    assertThat(e.servedBy()).isEqualTo("deploy-1");
                });
    }

    @Test
    void cometapiIsNewApi() throws Exception {
        Route r = load("    gateway: cometapi\n    expect: {model_prefix: gpt-4o-mini}\n");

        assertThat(r.gateway()).isSameAs(Gateway.NEW_API);
        assertThat(r.retry().maxRetries()).isZero();
        assertThat(r.gatewayRetryHeaders()).isEmpty();
    }

    @Test
    void anExplicitPortkeyTargetAndAHeaderPattern() throws Exception {
        Route r = load("    gateway: portkey\n    expect:\n      served_by: \"config.targets[0].targets[1]\"\n"
                + "      upstream_header: {name: X-Upstream, matches: 'cometapi-(eu|us)'}\n");

        assertThat(r.expect().servedBy()).isEqualTo("config.targets[0].targets[1]");
        assertThat(r.expect().upstreamHeaderAccepts("cometapi-eu")).isTrue();
        assertThat(r.expect().upstreamHeaderAccepts("cometapi-eu2")).as("the whole value").isFalse();
        assertThat(r.expect().upstreamHeaderText()).isEqualTo("X-Upstream matches cometapi-(eu|us)");
    }

    @Test
    void headersEnvNamesVariablesAndTheirValuesAreReadOnlyWhenACheckRuns() throws Exception {
        Route r = load("    gateway: portkey\n    headers_env: {x-portkey-api-key: PORTKEY_API_KEY, x-portkey-virtual-key: PK_VK}\n");

        assertThat(r.headersEnv()).containsExactlyInAnyOrderEntriesOf(
                Map.of("x-portkey-api-key", "PORTKEY_API_KEY", "x-portkey-virtual-key", "PK_VK"));
        Credentials c = Credentials.resolve("test.yaml", r, Map.of("COMETAPI_CANARY_KEY", "sk-test-canary-0000000000000000000",
                "PORTKEY_API_KEY", " pk-test-0000000000000000 ", "PK_VK", "vk-test-0000"));
        assertThat(c.headerValues()).containsEntry("x-portkey-api-key", "pk-test-0000000000000000")
                .containsEntry("x-portkey-virtual-key", "vk-test-0000");
        assertThat(c.secrets()).contains("pk-test-0000000000000000", "vk-test-0000");
        assertThat(c.toString()).doesNotContain("pk-test");
    }

    @Test
    void aHeadersEnvVariableThatIsNotSetIsAConfigErrorNamingIt() throws Exception {
        Route r = load("    headers_env: {x-portkey-api-key: PORTKEY_API_KEY}\n");

        assertThatThrownBy(() -> Credentials.resolve("test.yaml", r,
                Map.of("COMETAPI_CANARY_KEY", "sk-test-canary-0000000000000000000")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("test.yaml:3: cometapi-primary.headers_env: environment variable PORTKEY_API_KEY "
                        + "(for header x-portkey-api-key) is not set; export it with the value to send");
        assertThatThrownBy(() -> Credentials.resolve("test.yaml", r,
                Map.of("COMETAPI_CANARY_KEY", "sk-test-canary-0000000000000000000", "PORTKEY_API_KEY", "  ")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PORTKEY_API_KEY (for header x-portkey-api-key) "
                        + "is set but holds only whitespace");
        assertThatThrownBy(() -> Credentials.resolve("test.yaml", r,
                Map.of("COMETAPI_CANARY_KEY", "sk-test-canary-0000000000000000000", "PORTKEY_API_KEY", "pk\nline")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("cannot go in an HTTP header")
                .hasMessageNotContaining("pk");
    }

    @Test
    void aConfigValueHoldingAHeadersEnvValueIsRefusedNamingTheVariable() {
        String yaml = HEAD + "    headers_env: {x-portkey-api-key: PORTKEY_API_KEY}\n    headers: {X-Team: pk-vk-7f3a9c21e4}\n";

        assertThatThrownBy(() -> ConfigLoader.parse("test.yaml", yaml, Map.of("PORTKEY_API_KEY", "pk-vk-7f3a9c21e4")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("routes[0].headers.X-Team: holds the value of env var PORTKEY_API_KEY")
                .hasMessageNotContaining("7f3a9c21e4");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                arguments("an unknown gateway", "    gateway: kong\n",
                        "test.yaml:8: routes[0].gateway: must be one of none, portkey, litellm, new-api, cometapi, not 'kong'"),
                arguments("served_by where the gateway reports nothing", "    expect: {served_by: primary}\n",
                        "test.yaml:8: routes[0].expect.served_by: needs a gateway that reports who served"),
                arguments("served_by on new-api", "    gateway: new-api\n    expect: {served_by: primary}\n",
                        "test.yaml:9: routes[0].expect.served_by: needs a gateway that reports who served"),
                arguments("a Portkey target that is not a path", "    gateway: portkey\n    expect: {served_by: primary}\n",
                        "test.yaml:9: routes[0].expect.served_by: must be a Portkey target path"),
                arguments("a regex that does not compile", "    expect:\n      upstream_header: {name: X-Upstream, matches: 'eu(['}\n",
                        "test.yaml:9: routes[0].expect.upstream_header.matches: is not a valid regular expression"),
                arguments("value and matches", "    expect:\n      upstream_header: {name: X-Upstream, value: a, matches: a}\n",
                        "test.yaml:9: routes[0].expect.upstream_header.matches: give value or matches, not both"),
                arguments("a headers_env value that is not a variable name", "    headers_env: {x-portkey-api-key: 'pk key'}\n",
                        "test.yaml:8: routes[0].headers_env: must be the name of an environment variable"),
                arguments("a credential header in headers_env", "    headers_env: {Authorization: TOKEN}\n",
                        "test.yaml:8: routes[0].headers_env: must not set Authorization"),
                arguments("a header set both ways", "    headers: {X-Team: infra}\n    headers_env: {x-team: TEAM}\n",
                        "test.yaml:9: routes[0].headers_env: x-team is also set in headers"),
                arguments("a secret-named header set in the file", "    headers: {x-portkey-api-key: abc}\n",
                        "test.yaml:8: routes[0].headers: must not set x-portkey-api-key: its name says it carries a secret"),
                arguments("the correlation header", "    headers: {X-Request-Id: mine}\n",
                        "test.yaml:8: routes[0].headers: must not set X-Request-Id; rollforward sends the correlation id"),
                arguments("Portkey's trace header behind Portkey", "    gateway: portkey\n    headers_env: {x-portkey-trace-id: T}\n",
                        "test.yaml:9: routes[0].headers_env: must not set x-portkey-trace-id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedNamingTheLineAndTheKey(String what, String extra, String start) {
        assertThatThrownBy(() -> load(extra)).isInstanceOf(ConfigException.class).hasMessageStartingWith(start);
    }

    @Test
    void theExampleConfigsLoad() throws Exception {
        for (String name : List.of("portkey.yaml", "litellm.yaml", "cometapi.yaml", "sandbox.yaml")) {
            assertThat(ConfigLoader.load(Path.of("config", name)).routes()).as(name).isNotEmpty();
        }
        assertThat(ConfigLoader.load(Path.of("config", "cometapi.yaml")).routes())
                .allSatisfy(r -> assertThat(r.gateway()).isSameAs(Gateway.NEW_API))
                .allSatisfy(r -> assertThat(r.expect().modelPrefix()).isNotNull());
        assertThat(ConfigLoader.load(Path.of("config", "portkey.yaml")).routes().get(0).gateway()).isSameAs(Gateway.PORTKEY);
        assertThat(ConfigLoader.load(Path.of("config", "litellm.yaml")).routes().get(0).gateway()).isSameAs(Gateway.LITELLM);
    }
}
