package dev.rollforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollforward.check.Bodies;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue #9, item 8: rollforward through the real Portkey gateway, the way its users run it.
 *
 * <p>Installs {@code @portkey-ai/gateway} {@value #PORTKEY_VERSION} from the npm registry into
 * {@code target/portkey-gateway/} ({@code npm ci} with the committed lockfile, so every transitive
 * package is pinned by its integrity hash; skipped when that install is already there), starts it on
 * 127.0.0.1 only (Portkey has no host flag: {@code portkey/loopback-only.cjs} is preloaded with
 * {@code node --require}), puts two MockWebServer upstreams behind it (primary and fallback, OpenAI
 * chat shapes, a JSON 401 for any key but the canary) and runs the packaged jar
 * ({@code target/rollforward.jar check}) against a route whose {@code headers} carry a Portkey
 * fallback config in {@code x-portkey-config}.
 *
 * <p>Every scenario checks twice:
 * <ul>
 *   <li>the <b>harness</b>: a route written as the README teaches (no {@code gateway:}, no client
 *       retries), asserting only what the gateway did (statuses, sends counted at each upstream),
 *       which holds for any rollforward version: proof that the gateway really fell back;</li>
 *   <li>the <b>contract</b> (CONTRACT.md §2-§5, issue #9): the same route with {@code gateway: portkey}
 *       and {@code max_retries: 2}, asserting exit codes, decisions, reasons, {@code served_by},
 *       {@code sends}, {@code correlation_id} and that the records account for every send the
 *       upstreams saw.</li>
 * </ul>
 *
 * <p>Counting: the Portkey config gives every target {@code retry.attempts: 0} (no gateway retries), so
 * each request rollforward sends reaches the primary exactly once, and the fallback once more when the
 * gateway falls over. The happy path carries the canary key and the error path the disabled key, so
 * the upstreams can tell the two attempts apart by the forwarded Authorization header.
 *
 * <p>No node or npm: skipped with a message, unless {@code CI=true}, where it fails (in CI it must run).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortkeyGatewayIT {

    static final String PORTKEY_VERSION = "1.15.2";

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Path JAR = REPO.resolve("target/rollforward.jar");
    private static final Path INSTALL = REPO.resolve("target/portkey-gateway");
    private static final Path PACKAGE = INSTALL.resolve("node_modules/@portkey-ai/gateway");
    private static final Path ENTRY = PACKAGE.resolve("build/start-server.js");
    private static final Path MARKER = INSTALL.resolve(".installed-by-PortkeyGatewayIT");
    private static final Path WORK = REPO.resolve("target/portkey-gateway-it");

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    /** A registry hiccup is no defect: npm ci is tried this often before the test fails. */
    private static final int INSTALL_TRIES = 3;
    /** Generous: CI machines are shared, and a slow start is no defect either. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(120);
    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    /** node and npm from the PATH, or as given: -Dportkey.it.node=/opt/node/bin/node -Dportkey.it.npm=... */
    private static final String NODE = System.getProperty("portkey.it.node", "node");
    private static final String NPM = System.getProperty("portkey.it.npm", "npm");

    /** Obviously not credentials: the upstreams only compare them. */
    static final String CANARY = "portkey-it-canary-credential";
    static final String DISABLED = "portkey-it-disabled-credential";
    private static final String LABEL = "portkey-it";
    private static final String HAPPY = "happy-path";
    private static final String ERROR = "error-path";
    private static final String MODEL = "gpt-4o-mini-2024-07-18"; // the model in Bodies.CHAT
    private static final List<Integer> LOAD_STATUSES = List.of(429, 500, 502, 503, 504);

    /** The preload's line once the gateway listens. */
    private static final Pattern LISTENING = Pattern.compile("loopback-only: listening on (\\S+):(\\d+)");
    /** Neither the gateway nor rollforward may send these loopback requests through a proxy. */
    private static final List<String> PROXY_VARS = List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY",
            "http_proxy", "https_proxy", "all_proxy", "no_proxy");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Upstream primary;
    private Upstream fallback;
    private Process gateway;
    private Thread stopGatewayAtExit;
    private int gatewayPort;

    // ---- the four scenarios of issue #9 item 8 ------------------------------------------------

    @Test
    @Order(1)
    void primaryHealthy_promotesAndNamesTheFirstTarget() throws Exception {
        String config = portkeyFallbackConfig(true);

        Run readme = check("healthy-readme", readmeRoute(config));
        harness(readme, s -> {
            s.assertThat(readme.exit).as("exit code").isZero();
            s.assertThat(readme.status(HAPPY)).as("happy-path status").isEqualTo(200);
            s.assertThat(readme.status(ERROR)).as("error-path status").isEqualTo(401);
            s.assertThat(readme.sends).as("sends at the upstreams").isEqualTo(new Sends(1, 0, 1, 0));
        });

        Run run = check("healthy", contractRoute(config));
        contract(run, s -> {
            s.assertThat(run.exit).as("exit code (promote)").isZero();
            s.assertThat(run.sends).as("sends at the upstreams").isEqualTo(new Sends(1, 0, 1, 0));
            JsonNode happy = run.attempt(HAPPY);
            s.assertThat(text(happy, "fallback_decision")).as("happy-path decision").isEqualTo("promote");
            s.assertThat(text(happy.path("served_by"), "target")).as("happy-path served_by.target")
                    .isEqualTo("config.targets[0]");
            s.assertThat(text(happy.path("served_by"), "model")).as("happy-path served_by.model").isEqualTo(MODEL);
            s.assertThat(num(happy, "gateway_fallback_count")).as("happy-path gateway_fallback_count").isZero();
            s.assertThat(num(happy, "gateway_retry_count")).as("happy-path gateway_retry_count").isZero();
            s.assertThat(num(happy, "retry_count")).as("happy-path retry_count").isZero();
            s.assertThat(happy.path("sends")).as("happy-path sends").hasSize(1);
            s.assertThat(num(happy.path("sends").path(0), "status")).as("sends[0].status").isEqualTo(200);
            s.assertThat(happy.path("sends").path(0).path("failure").isNull()).as("sends[0].failure is null").isTrue();
            s.assertThat(num(happy.path("sends").path(0), "waited_ms")).as("sends[0].waited_ms").isZero();
            JsonNode error = run.attempt(ERROR);
            s.assertThat(text(error, "fallback_decision")).as("error-path decision").isEqualTo("promote");
            s.assertThat(text(error.path("served_by"), "target")).as("error-path served_by.target")
                    .isEqualTo("config.targets[0]");
            s.assertThat(text(run.verdict(), "fallback_decision")).as("verdict").isEqualTo("promote");
            accounts(s, run);
        });
    }

    @Test
    @Order(2)
    void primaryOverloaded_gatewayFellBack_staysWithoutAClientResend() throws Exception {
        primary.mode = Upstream.Mode.OVERLOADED;
        String config = portkeyFallbackConfig(true);

        Run readme = check("primary-down-readme", readmeRoute(config));
        harness(readme, s -> {
            s.assertThat(readme.status(HAPPY)).as("happy-path status (the fallback answered)").isEqualTo(200);
            s.assertThat(readme.status(ERROR)).as("error-path status (the fallback's 401)").isEqualTo(401);
            s.assertThat(readme.sends).as("sends at the upstreams: primary 503, then the fallback")
                    .isEqualTo(new Sends(1, 1, 1, 1));
        });

        Run run = check("primary-down", contractRoute(config));
        contract(run, s -> {
            s.assertThat(run.exit).as("exit code (stay)").isEqualTo(1);
            s.assertThat(run.sends).as("sends at the upstreams (one client send per attempt, though max_retries is 2)")
                    .isEqualTo(new Sends(1, 1, 1, 1));
            JsonNode happy = run.attempt(HAPPY);
            s.assertThat(text(happy, "fallback_decision")).as("happy-path decision").isEqualTo("stay");
            s.assertThat(strings(happy.path("reasons"))).as("happy-path reasons").contains("gateway_fell_back");
            s.assertThat(text(happy.path("served_by"), "target")).as("happy-path served_by.target")
                    .isEqualTo("config.targets[1]");
            s.assertThat(num(happy, "gateway_fallback_count")).as("happy-path gateway_fallback_count").isEqualTo(1);
            s.assertThat(happy.path("sends")).as("happy-path sends (no client resend)").hasSize(1);
            s.assertThat(num(happy, "retry_count")).as("happy-path retry_count (the fallback)").isEqualTo(1);
            JsonNode error = run.attempt(ERROR);
            s.assertThat(text(error, "fallback_decision")).as("error-path decision (a fallback on the disabled key)")
                    .isEqualTo("hold");
            s.assertThat(text(error.path("served_by"), "target")).as("error-path served_by.target")
                    .isEqualTo("config.targets[1]");
            s.assertThat(num(error, "gateway_fallback_count")).as("error-path gateway_fallback_count").isEqualTo(1);
            JsonNode verdict = run.verdict();
            s.assertThat(text(verdict, "fallback_decision")).as("verdict").isEqualTo("stay");
            // A verdict names each reason with the phase that gave it (CONTRACT §4).
            s.assertThat(strings(verdict.path("reasons"))).as("verdict reasons").contains("happy-path:gateway_fell_back");
            accounts(s, run);
        });
    }

    @Test
    @Order(3)
    void bothOverloaded_staysAndTheRecordsAccountForEverySend() throws Exception {
        primary.mode = Upstream.Mode.OVERLOADED;
        fallback.mode = Upstream.Mode.OVERLOADED;
        String config = portkeyFallbackConfig(true);

        Run readme = check("both-down-readme", readmeRoute(config));
        harness(readme, s -> {
            s.assertThat(readme.status(HAPPY)).as("happy-path status (the fallback's 503)").isEqualTo(503);
            s.assertThat(readme.status(ERROR)).as("error-path status (the fallback's 503)").isEqualTo(503);
            s.assertThat(readme.sends).as("sends at the upstreams: both targets, once each per request")
                    .isEqualTo(new Sends(1, 1, 1, 1));
        });

        Run run = check("both-down", contractRoute(config));
        contract(run, s -> {
            s.assertThat(run.exit).as("exit code (stay)").isEqualTo(1);
            s.assertThat(run.sends).as("sends at the upstreams (no client resend on top of the gateway's fallback)")
                    .isEqualTo(new Sends(1, 1, 1, 1));
            JsonNode happy = run.attempt(HAPPY);
            s.assertThat(text(happy, "fallback_decision")).as("happy-path decision").isEqualTo("stay");
            s.assertThat(num(happy, "http_status")).as("happy-path http_status").isEqualTo(503);
            s.assertThat(text(happy.path("served_by"), "target")).as("happy-path served_by.target")
                    .isEqualTo("config.targets[1]");
            s.assertThat(happy.path("sends")).as("happy-path sends (no client resend)").hasSize(1);
            s.assertThat(num(happy, "gateway_retry_count")).as("happy-path gateway_retry_count").isZero();
            s.assertThat(num(happy, "gateway_fallback_count")).as("happy-path gateway_fallback_count").isEqualTo(1);
            s.assertThat(num(happy, "retry_count")).as("happy-path retry_count").isEqualTo(1);
            JsonNode error = run.attempt(ERROR);
            s.assertThat(text(error, "fallback_decision")).as("error-path decision (5xx, after a fallback)")
                    .isNotEqualTo("promote");
            s.assertThat(num(error, "http_status")).as("error-path http_status").isEqualTo(503);
            s.assertThat(num(error, "gateway_fallback_count")).as("error-path gateway_fallback_count").isEqualTo(1);
            JsonNode verdict = run.verdict();
            s.assertThat(text(verdict, "fallback_decision")).as("verdict").isEqualTo("stay");
            s.assertThat(num(verdict, "retry_count")).as("verdict retry_count").isEqualTo(2);
            accounts(s, run);
        });
    }

    @Test
    @Order(4)
    void fallbackOnAnyStatus_disabledKeyReachesTheFallback_holds() throws Exception {
        String config = portkeyFallbackConfig(false);

        Run readme = check("any-status-readme", readmeRoute(config));
        harness(readme, s -> {
            s.assertThat(readme.status(HAPPY)).as("happy-path status").isEqualTo(200);
            s.assertThat(readme.status(ERROR)).as("error-path status (the fallback's 401)").isEqualTo(401);
            s.assertThat(readme.sends).as("sends at the upstreams: the primary's 401 made the gateway fall over")
                    .isEqualTo(new Sends(1, 0, 1, 1));
        });

        Run run = check("any-status", contractRoute(config));
        contract(run, s -> {
            s.assertThat(run.exit).as("exit code (hold)").isEqualTo(2);
            s.assertThat(run.sends).as("sends at the upstreams").isEqualTo(new Sends(1, 0, 1, 1));
            JsonNode happy = run.attempt(HAPPY);
            s.assertThat(text(happy, "fallback_decision")).as("happy-path decision").isEqualTo("promote");
            s.assertThat(text(happy.path("served_by"), "target")).as("happy-path served_by.target")
                    .isEqualTo("config.targets[0]");
            JsonNode error = run.attempt(ERROR);
            s.assertThat(text(error, "fallback_decision")).as("error-path decision").isEqualTo("hold");
            s.assertThat(num(error, "http_status")).as("error-path http_status").isEqualTo(401);
            s.assertThat(text(error.path("served_by"), "target")).as("error-path served_by.target")
                    .isEqualTo("config.targets[1]");
            s.assertThat(num(error, "gateway_fallback_count")).as("error-path gateway_fallback_count").isEqualTo(1);
            s.assertThat(error.path("sends")).as("error-path sends (a 401 is never resent)").hasSize(1);
            s.assertThat(text(run.verdict(), "fallback_decision")).as("verdict").isEqualTo("hold");
            accounts(s, run);
        });
    }

    /**
     * What every attempt record must say so that a second operator can account for each send:
     * the correlation id to search the gateway's logs for, the gateway that reported, one
     * {@code sends} entry per request rollforward made (each reached the primary once), and the
     * upstream sends of the attempt = those + the retries and fallbacks the gateway reported.
     */
    private void accounts(SoftAssertions s, Run run) {
        int verdictRetries = 0;
        boolean complete = true;
        for (String phase : List.of(HAPPY, ERROR)) {
            JsonNode a = run.attempt(phase);
            s.assertThat(text(a, "correlation_id")).as("%s correlation_id", phase)
                    .isEqualTo(run.checkId + "." + LABEL + "." + phase);
            s.assertThat(text(a.path("served_by"), "gateway")).as("%s served_by.gateway", phase).isEqualTo("portkey");
            List<String> absent = Stream.of("sends", "gateway_retry_count", "gateway_fallback_count", "retry_count")
                    .filter(f -> !a.has(f)).toList();
            s.assertThat(absent).as("%s: fields needed to account for the sends, absent from the record", phase).isEmpty();
            if (!absent.isEmpty()) {
                complete = false;
                continue;
            }
            int clientSends = a.path("sends").size();
            int gatewayRetries = a.path("gateway_retry_count").asInt();
            int gatewayFallbacks = a.path("gateway_fallback_count").asInt();
            s.assertThat(clientSends).as("%s: sends[] = requests rollforward made = requests at the primary", phase)
                    .isEqualTo(run.sends.primary(phase));
            s.assertThat(num(a.path("sends").path(clientSends - 1), "status"))
                    .as("%s: the last send's status is the attempt's", phase).isEqualTo(num(a, "http_status"));
            s.assertThat(clientSends + gatewayRetries + gatewayFallbacks)
                    .as("%s: sends[] + gateway_retry_count + gateway_fallback_count = sends at the upstreams", phase)
                    .isEqualTo(run.sends.total(phase));
            s.assertThat(num(a, "retry_count"))
                    .as("%s: retry_count = resends + gateway retries + gateway fallbacks", phase)
                    .isEqualTo(clientSends - 1 + gatewayRetries + gatewayFallbacks);
            verdictRetries += a.path("retry_count").asInt();
        }
        if (complete) {
            s.assertThat(num(run.verdict(), "retry_count")).as("verdict retry_count = the sum over its attempts")
                    .isEqualTo(verdictRetries);
        }
    }

    // ---- route configs --------------------------------------------------------------------------

    /**
     * The fallback config sent in {@code x-portkey-config}: primary then fallback, both OpenAI-style
     * custom hosts, the client's Authorization forwarded (else Portkey sends {@code Bearer undefined}),
     * no gateway retries; with {@code loadStatusesOnly}, falling over only on 429/500/502/503/504
     * (without it Portkey falls over on any non-2xx, a 401 included).
     */
    private String portkeyFallbackConfig(boolean loadStatusesOnly) {
        ObjectNode config = JSON.createObjectNode();
        ObjectNode strategy = config.putObject("strategy").put("mode", "fallback");
        if (loadStatusesOnly) {
            ArrayNode codes = strategy.putArray("on_status_codes");
            LOAD_STATUSES.forEach(codes::add);
        }
        ArrayNode targets = config.putArray("targets");
        for (Upstream upstream : List.of(primary, fallback)) {
            ObjectNode target = targets.addObject().put("provider", "openai").put("custom_host", upstream.baseUrl());
            target.putArray("forward_headers").add("authorization");
            target.putObject("retry").put("attempts", 0);
        }
        return config.toString();
    }

    /** A route as the README teaches today: no gateway profile, no client retries. */
    private String readmeRoute(String portkeyConfig) {
        return route(portkeyConfig, "    retry: {max_retries: 0}\n");
    }

    /** The same route per CONTRACT §2: gateway: portkey, and client retries that must not stack on the gateway's. */
    private String contractRoute(String portkeyConfig) {
        return route(portkeyConfig, "    gateway: portkey\n    retry: {max_retries: 2, base_delay_ms: 10, max_delay_ms: 50}\n");
    }

    private String route(String portkeyConfig, String extra) {
        assertThat(portkeyConfig).doesNotContain("'");
        return "# Written by PortkeyGatewayIT: a chat route through a local Portkey gateway.\n"
                + "routes:\n"
                + "  - label: " + LABEL + "\n"
                + "    base_url: http://127.0.0.1:" + gatewayPort + "/v1\n"
                + "    request_family: chat\n"
                + "    model: gpt-4o-mini\n"
                + "    credential_env: PORTKEY_IT_CANARY_KEY\n"
                + "    disabled_credential_env: PORTKEY_IT_DISABLED_KEY\n"
                + "    headers:\n"
                + "      x-portkey-config: '" + portkeyConfig + "'\n"
                + "    timeouts: {connect_ms: 2000, request_ms: 10000}\n"
                + extra;
    }

    // ---- running rollforward ----------------------------------------------------------------

    /** Sends seen at the upstreams during one check, by upstream and by attempt (key). */
    record Sends(int primaryHappy, int fallbackHappy, int primaryError, int fallbackError) {

        int primary(String phase) {
            return HAPPY.equals(phase) ? primaryHappy : primaryError;
        }

        int total(String phase) {
            return HAPPY.equals(phase) ? primaryHappy + fallbackHappy : primaryError + fallbackError;
        }
    }

    private record Run(String checkId, int exit, List<JsonNode> records, String stdout, String stderr, Sends sends) {

        JsonNode attempt(String phase) {
            return records.stream().filter(r -> "attempt".equals(r.path("record").asText()))
                    .filter(r -> phase.equals(r.path("phase").asText())).findFirst().orElse(JSON.missingNode());
        }

        JsonNode verdict() {
            return records.stream().filter(r -> "verdict".equals(r.path("record").asText()))
                    .findFirst().orElse(JSON.missingNode());
        }

        Integer status(String phase) {
            return num(attempt(phase), "http_status");
        }
    }

    /** {@code java -jar target/rollforward.jar check} as a user runs it, with the two keys in its environment. */
    private Run check(String name, String routeYaml) throws Exception {
        assertThat(JAR).as("target/rollforward.jar is packaged before the verify phase").exists();
        primary.clear();
        fallback.clear();
        Path config = Files.writeString(WORK.resolve(name + ".yaml"), routeYaml);
        Path out = WORK.resolve(name + ".stdout");
        Path err = WORK.resolve(name + ".stderr");
        String checkId = "portkey-it-" + name;
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "check", "--config", config.toString(), "--check-id", checkId);
        Map<String, String> env = pb.environment();
        PROXY_VARS.forEach(env::remove);
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        env.put("PORTKEY_IT_CANARY_KEY", CANARY);
        env.put("PORTKEY_IT_DISABLED_KEY", DISABLED);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("rollforward check did not end within %s: %s", CHECK_TIMEOUT, Files.readString(err));
            }
        } finally {
            destroyTree(p);
        }
        String stdout = Files.readString(out);
        List<JsonNode> records = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as("stdout carries only JSON records: %s", line).isTrue();
                records.add(node);
            }
        }
        assertThat(primary.unexpected.get() + fallback.unexpected.get()).as("requests outside POST /v1/chat/completions")
                .isZero();
        Sends sends = new Sends(primary.sends(CANARY), fallback.sends(CANARY), primary.sends(DISABLED),
                fallback.sends(DISABLED));
        assertThat(primary.sends() + fallback.sends()).as("every upstream request carried one of the two keys")
                .isEqualTo(sends.total(HAPPY) + sends.total(ERROR));
        return new Run(checkId, p.exitValue(), records, stdout, Files.readString(err), sends);
    }

    private static void harness(Run run, Consumer<SoftAssertions> checks) {
        verify("the harness (what the Portkey gateway did, true for any rollforward)", run, checks);
    }

    private static void contract(Run run, Consumer<SoftAssertions> checks) {
        verify("the contract (CONTRACT.md §2-§5, issue #9)", run, checks);
    }

    private static void verify(String what, Run run, Consumer<SoftAssertions> checks) {
        if (run.records.isEmpty()) {
            // A refused config (78) or a crash: one message with the cause, not a cascade of absent fields.
            throw new AssertionError(run.checkId + ": " + what + ": rollforward printed no records (exit code " + run.exit
                    + ", sends at the upstreams " + run.sends + "), stderr:\n" + run.stderr);
        }
        SoftAssertions s = new SoftAssertions();
        checks.accept(s);
        if (!s.errorsCollected().isEmpty()) {
            StringBuilder message = new StringBuilder(run.checkId).append(": ").append(what).append(", ")
                    .append(s.errorsCollected().size()).append(" failed:\n");
            s.errorsCollected().forEach(e -> message.append("  - ").append(e.getMessage().strip().replace("\n", "\n    "))
                    .append('\n'));
            message.append("sends at the upstreams: ").append(run.sends).append('\n')
                    .append("exit code ").append(run.exit).append(", stdout:\n").append(run.stdout)
                    .append("stderr:\n").append(run.stderr);
            throw new AssertionError(message.toString());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() ? "<absent>" : v.isNull() ? null : v.asText();
    }

    /** The field's integer value, or null when it is absent or not an integer (shown as null in a failure). */
    private static Integer num(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isIntegralNumber() ? v.asInt() : null;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    // ---- lifecycle: node and npm, the install, the upstreams, the gateway ------------------------

    /** Why node and npm cannot be used here, or null when they can. */
    private String unavailable;

    @BeforeAll
    void startGatewayAndUpstreams() throws Exception {
        unavailable = nodeAndNpmMissing();
        if (unavailable != null) {
            String message = "PortkeyGatewayIT runs the Portkey gateway " + PORTKEY_VERSION
                    + " and needs Node.js 18+ and npm: " + unavailable;
            if (CI) {
                fail(message + ". CI=true: in CI this test must run, not be skipped.");
            }
            unavailable = message + ". Skipped (with CI=true it fails instead).";
            return;
        }
        Files.createDirectories(WORK);
        install();
        primary = new Upstream("primary");
        fallback = new Upstream("fallback");
        startGateway();
    }

    /** Each test is reported skipped, with the reason, when node or npm is missing (outside CI). */
    @BeforeEach
    void healthyUpstreams() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        primary.mode = Upstream.Mode.HEALTHY;
        fallback.mode = Upstream.Mode.HEALTHY;
    }

    @AfterAll
    void stopEverything() {
        try {
            if (gateway != null) {
                destroyTree(gateway);
                try {
                    Runtime.getRuntime().removeShutdownHook(stopGatewayAtExit);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs anyway.
                }
            }
        } finally {
            if (primary != null) {
                primary.close();
            }
            if (fallback != null) {
                fallback.close();
            }
        }
    }

    /** Why node or npm cannot run the gateway, or null when they can. */
    private static String nodeAndNpmMissing() {
        String node = toolVersion(NODE);
        if (node == null) {
            return NODE + " was not found (not on the PATH?)";
        }
        Matcher major = Pattern.compile("v?(\\d+)\\.").matcher(node);
        if (!major.lookingAt() || Integer.parseInt(major.group(1)) < 18) {
            return "node " + node + " is too old (the gateway needs Node 18 or later)";
        }
        if (toolVersion(NPM) == null) {
            return NPM + " was not found (not on the PATH?)";
        }
        return null;
    }

    /** {@code TOOL --version}, or null when it cannot be run. */
    private static String toolVersion(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                destroyTree(p);
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * {@code npm ci} of the committed package.json and lockfile into target/portkey-gateway, unless
     * the same install is already there (it survives between builds until {@code mvn clean}).
     */
    private static void install() throws Exception {
        byte[] packageJson = resource("package.json");
        byte[] lockfile = resource("package-lock.json");
        String stamp = "@portkey-ai/gateway@" + PORTKEY_VERSION + " lock " + sha256(lockfile) + " package " + sha256(packageJson);
        if (Files.isRegularFile(ENTRY) && Files.isRegularFile(MARKER) && Files.readString(MARKER).equals(stamp)
                && PORTKEY_VERSION.equals(installedVersion())) {
            return;
        }
        Files.createDirectories(INSTALL);
        Files.deleteIfExists(MARKER);
        Files.write(INSTALL.resolve("package.json"), packageJson);
        Files.write(INSTALL.resolve("package-lock.json"), lockfile);
        String failure = null;
        for (int attempt = 1; attempt <= INSTALL_TRIES; attempt++) {
            failure = npmCi(WORK.resolve("npm-ci-" + attempt + ".log"));
            if (failure == null) {
                break;
            }
            if (attempt < INSTALL_TRIES) {
                Thread.sleep(Duration.ofSeconds(5L * attempt).toMillis()); // let a registry hiccup pass
            }
        }
        if (failure != null) {
            fail("npm ci of the Portkey gateway failed %d times (is the npm registry reachable? skip with -DskipITs); "
                    + "the last time: %s", INSTALL_TRIES, failure);
        }
        assertThat(installedVersion()).as("installed @portkey-ai/gateway version").isEqualTo(PORTKEY_VERSION);
        assertThat(ENTRY).as("the gateway's entry point").isRegularFile();
        Files.writeString(MARKER, stamp);
    }

    /** One {@code npm ci} into target/portkey-gateway; null when it worked, else why not (with the log's tail). */
    private static String npmCi(Path log) throws Exception {
        // --ignore-scripts: the gateway's postinstall (patch-package) is for its own development.
        List<String> command = new ArrayList<>(List.of(NPM, "ci", "--no-audit", "--no-fund", "--no-update-notifier",
                "--prefer-offline", "--ignore-scripts", "--prefix", INSTALL.toString()));
        Path cache = npmCacheIfHomeIsReadOnly();
        if (cache != null) {
            command.addAll(List.of("--cache", cache.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        try {
            if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                return "it did not finish within " + INSTALL_TIMEOUT + ": " + tail(log);
            }
        } finally {
            destroyTree(p);
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + tail(log);
    }

    /** npm caches in ~/.npm; where that cannot be written (a locked-down CI user), a cache under target/. */
    private static Path npmCacheIfHomeIsReadOnly() {
        Path npmCache = Path.of(System.getProperty("user.home", "/nonexistent"), ".npm");
        boolean writable = Files.isDirectory(npmCache) ? Files.isWritable(npmCache)
                : npmCache.getParent() != null && Files.isWritable(npmCache.getParent());
        return writable ? null : REPO.resolve("target/portkey-npm-cache");
    }

    private static String installedVersion() throws IOException {
        Path manifest = PACKAGE.resolve("package.json");
        return Files.isRegularFile(manifest) ? JSON.readTree(manifest.toFile()).path("version").asText(null) : null;
    }

    /**
     * {@code node --require loopback-only.cjs start-server.js --port=0 --headless}: the preload puts the
     * server on 127.0.0.1 and prints the port it got; then waits until the gateway answers.
     */
    private void startGateway() throws Exception {
        Path preload = resourcePath("loopback-only.cjs");
        Path out = WORK.resolve("gateway.stdout");
        Path err = WORK.resolve("gateway.stderr");
        ProcessBuilder pb = new ProcessBuilder(NODE, "--require", preload.toString(), ENTRY.toString(), "--port=0",
                "--headless");
        pb.directory(INSTALL.toFile());
        Map<String, String> env = pb.environment();
        PROXY_VARS.forEach(env::remove); // the gateway honours HTTP(S)_PROXY for its upstream requests
        env.remove("NODE_OPTIONS");
        env.remove("REDIS_CONNECTION_STRING");
        env.remove("PORT");
        env.put("TRUSTED_CUSTOM_HOSTS", "127.0.0.1"); // custom_host may name only the local upstreams
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        gateway = pb.start();
        Process started = gateway;
        stopGatewayAtExit = new Thread(() -> destroyTree(started), "stop-portkey-gateway");
        Runtime.getRuntime().addShutdownHook(stopGatewayAtExit);

        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Matcher listening = null;
        while (listening == null) {
            Matcher m = LISTENING.matcher(Files.readString(err));
            if (m.find()) {
                listening = m;
            } else if (!gateway.isAlive()) {
                fail("the Portkey gateway exited (code %d) before listening:%nstderr: %s%nstdout: %s",
                        gateway.exitValue(), tail(err), tail(out));
            } else if (System.nanoTime() > deadline) {
                fail("the Portkey gateway did not listen within %s:%nstderr: %s%nstdout: %s", START_TIMEOUT, tail(err),
                        tail(out));
            } else {
                Thread.sleep(20);
            }
        }
        assertThat(listening.group(1)).as("the gateway listens on loopback only").isEqualTo("127.0.0.1");
        gatewayPort = Integer.parseInt(listening.group(2));

        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/"))
                .timeout(Duration.ofSeconds(2)).build();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<String> r = http.send(hello, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("AI Gateway says hey!")) {
                    break;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException e) {
                last = e.toString();
            }
            if (!gateway.isAlive() || System.nanoTime() > deadline) {
                fail("the Portkey gateway did not answer GET / within %s (last: %s):%nstderr: %s", START_TIMEOUT, last,
                        tail(err));
            }
            Thread.sleep(20);
        }
    }

    /** Stops a process and everything it started: politely, then forcibly after 5 s. */
    private static void destroyTree(Process p) {
        List<ProcessHandle> children = p.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PortkeyGatewayIT.class.getResourceAsStream("/portkey/" + name)) {
            assertThat(in).as("test resource portkey/%s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Path resourcePath(String name) throws URISyntaxException {
        var url = PortkeyGatewayIT.class.getResource("/portkey/" + name);
        assertThat(url).as("test resource portkey/%s", name).isNotNull();
        return Path.of(url.toURI());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String tail(Path file) {
        try {
            String s = Files.readString(file);
            return s.length() <= 4000 ? s : "…" + s.substring(s.length() - 4000);
        } catch (IOException e) {
            return "(" + file + " unreadable: " + e + ")";
        }
    }

    // ---- the upstreams ------------------------------------------------------------------------

    /**
     * An OpenAI-compatible chat upstream on 127.0.0.1 that counts every request by the key it carried.
     * Healthy: the canary key gets a chat completion, any other key OpenAI's JSON 401. Overloaded: 503.
     */
    static final class Upstream extends Dispatcher implements AutoCloseable {

        enum Mode { HEALTHY, OVERLOADED }

        final String name;
        final MockWebServer server = new MockWebServer();
        final List<String> keys = new CopyOnWriteArrayList<>();
        final AtomicInteger unexpected = new AtomicInteger();
        private final AtomicInteger served = new AtomicInteger();
        volatile Mode mode = Mode.HEALTHY;

        Upstream(String name) throws IOException {
            this.name = name;
            server.setDispatcher(this);
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getPort() + "/v1";
        }

        void clear() {
            keys.clear();
            unexpected.set(0);
        }

        int sends() {
            return keys.size();
        }

        int sends(String key) {
            return (int) keys.stream().filter(key::equals).count();
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            int n = served.incrementAndGet();
            if (!"POST".equals(request.getMethod()) || !"/v1/chat/completions".equals(request.getUrl().encodedPath())) {
                unexpected.incrementAndGet();
                return json(404, "{\"error\":{\"message\":\"Invalid URL\",\"type\":\"invalid_request_error\","
                        + "\"param\":null,\"code\":null}}", n);
            }
            String auth = request.getHeaders().get("Authorization");
            String key = auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : "(" + auth + ")";
            keys.add(key);
            if (mode == Mode.OVERLOADED) {
                return json(503, Bodies.OVERLOADED_503, n);
            }
            return CANARY.equals(key) ? json(200, Bodies.CHAT, n) : json(401, Bodies.OPENAI_401, n);
        }

        private MockResponse json(int code, String body, int n) {
            return new MockResponse.Builder().code(code)
                    .addHeader("Content-Type", "application/json")
                    .addHeader("x-request-id", "req_" + name + "_" + n)
                    .addHeader("openai-processing-ms", "12")
                    .body(body).build();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
