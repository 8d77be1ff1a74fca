package dev.rollforward.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

class SandboxServerTest {

    private static final String BAD_KEY = "sk-disabled-key-1111111111111111";
    private static final String CHAT = "/chat/completions";
    private static final String RESPONSES = "/responses";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final List<SandboxServer> started = new ArrayList<>();

    @AfterEach
    void closeAll() {
        started.forEach(SandboxServer::close);
    }

    // --- healthy ---------------------------------------------------------------------------

    /** Like a real upstream, the sandbox adds no Nagle/delayed-ACK stall to kept-alive requests. */
    @Test
    void connectionsAreServedWithNagleOff() throws Exception {
        start(SandboxMode.HEALTHY);

        assertThat(System.getProperty(SandboxServer.NO_DELAY)).isEqualTo("true");
    }

    @Test
    void healthyChatAnswersTheCanaryWithAChatCompletionOfTheRequestedModel() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        HttpResponse<String> r = send(server, CHAT, SandboxServer.CANARY_KEY,
                "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", "primary");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "content-type")).startsWith("application/json");
        assertThat(header(r, "x-request-id")).isEqualTo("req_sandbox_1");
        assertThat(header(r, "x-upstream")).isEqualTo("sandbox");
        assertThat(header(r, "x-route-label")).isEqualTo("primary");
        JsonNode body = assertChatCompletion(r);
        assertThat(body.get("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(body.get("created").isNumber()).isTrue();
        assertThat(body.get("system_fingerprint").asText()).isNotEmpty();
        JsonNode choice = body.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.at("/message/role").asText()).isEqualTo("assistant");
        assertThat(choice.at("/message/content").asText()).isEqualTo("ok");
        assertThat(choice.at("/message/refusal").isNull()).isTrue();
        assertThat(choice.get("logprobs").isNull()).isTrue();
        assertThat(body.at("/usage/total_tokens").asInt())
                .isEqualTo(body.at("/usage/prompt_tokens").asInt() + body.at("/usage/completion_tokens").asInt());
    }

    @Test
    void healthyResponsesAnswersTheCanaryWithAResponseObject() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        HttpResponse<String> r = send(server, RESPONSES, SandboxServer.CANARY_KEY, "{\"input\":\"hi\"}", null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("x-route-label")).isEmpty();
        JsonNode body = assertResponseObject(r);
        assertThat(body.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(body.get("created_at").isNumber()).isTrue();
        assertThat(body.get("error").isNull()).isTrue();
        assertThat(body.get("incomplete_details").isNull()).isTrue();
        JsonNode message = body.get("output").get(0);
        assertThat(message.get("type").asText()).isEqualTo("message");
        assertThat(message.get("id").asText()).startsWith("msg_");
        assertThat(message.at("/content/0/type").asText()).isEqualTo("output_text");
        assertThat(message.at("/content/0/text").asText()).isEqualTo("ok");
        assertThat(message.at("/content/0/annotations").isArray()).isTrue();
        assertThat(body.at("/usage/input_tokens").isNumber()).isTrue();
    }

    @Test
    void healthyRefusesAnyOtherKeyOrNoKeyWithTheNewApi401() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        for (String key : new String[] {BAD_KEY, null}) {
            HttpResponse<String> r = send(server, CHAT, key, "{}", "primary");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(header(r, "x-upstream")).isEqualTo("sandbox");
            assertThat(header(r, "x-route-label")).isEqualTo("primary");
            JsonNode error = assertNewApi401(r);
            assertThat(error.get("message").asText()).doesNotContain(BAD_KEY);
        }
    }

    @Test
    void modelFromTheRequestIsEscapedInTheAnswer() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        HttpResponse<String> r = send(server, CHAT, SandboxServer.CANARY_KEY,
                "{\"model\":\"we\\\"ird\\n\\u0001model\"}", null);
        assertThat(assertChatCompletion(r).get("model").asText()).isEqualTo("we\"ird\n\u0001model");

        HttpResponse<String> notJson = send(server, RESPONSES, SandboxServer.CANARY_KEY, "model=x", null);
        assertThat(assertResponseObject(notJson).get("model").asText()).isEqualTo("gpt-4o-mini");
    }

    // --- the fault modes -------------------------------------------------------------------

    @Test
    void overloadedAnswersEveryRequestWithTheCometApi503() throws Exception {
        SandboxServer server = start(SandboxMode.OVERLOADED);
        for (String path : new String[] {CHAT, RESPONSES}) {
            HttpResponse<String> r = send(server, path, SandboxServer.CANARY_KEY, "{}", null);
            assertThat(r.statusCode()).isEqualTo(503);
            JsonNode error = json(r).get("error");
            assertThat(error.get("type").asText()).isEqualTo("comet_api_error");
            assertThat(error.get("code").asText()).isEqualTo("upstream_overloaded");
            assertThat(error.get("param").asText()).isEmpty();
            assertThat(error.get("message").asText()).startsWith("The upstream is overloaded (request id: ");
        }
        assertThat(send(server, CHAT, BAD_KEY, "{}", null).statusCode()).isEqualTo(503);
    }

    @Test
    void rateLimitedAnswers429WithRetryAfter() throws Exception {
        SandboxServer server = start(SandboxMode.RATE_LIMITED);
        HttpResponse<String> r = send(server, RESPONSES, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(header(r, "retry-after")).isEqualTo("1");
        JsonNode error = json(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.get("type").asText()).isEqualTo("requests");
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(error.get("message").asText()).startsWith("Rate limit reached");
    }

    @Test
    void wrongShapeAnswersWithTheOtherFamilysObject() throws Exception {
        SandboxServer server = start(SandboxMode.WRONG_SHAPE);
        HttpResponse<String> onChat = send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(onChat.statusCode()).isEqualTo(200);
        assertResponseObject(onChat);
        HttpResponse<String> onResponses = send(server, RESPONSES, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(onResponses.statusCode()).isEqualTo(200);
        assertChatCompletion(onResponses);
        assertNewApi401(send(server, CHAT, BAD_KEY, "{}", null));
    }

    @Test
    void acceptsAnyKeyAnswersTheDisabledKeyWithTheRightShape() throws Exception {
        SandboxServer server = start(SandboxMode.ACCEPTS_ANY_KEY);
        assertChatCompletion(send(server, CHAT, BAD_KEY, "{}", null));
        assertResponseObject(send(server, RESPONSES, BAD_KEY, "{}", null));
        assertChatCompletion(send(server, CHAT, null, "{}", null));
    }

    @Test
    void hangNeverAnswersAndCloseReleasesTheRequestPromptly() throws Exception {
        SandboxServer server = start(SandboxMode.HANG);
        HttpRequest request = post(server, CHAT, SandboxServer.CANARY_KEY, "{}", null)
                .timeout(Duration.ofSeconds(20)).build();
        CompletableFuture<HttpResponse<String>> pending =
                CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        awaitRequests(server, 1);

        // Another request is not held up by the hanging one.
        HttpResponse<String> models = get(server, "/models");
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(pending).isNotDone();

        long before = System.nanoTime();
        server.close();
        assertThatThrownBy(() -> pending.get(3, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void flakyFailsTheFirstRequestToEachPathThenIsHealthy() throws Exception {
        SandboxServer server = start(SandboxMode.FLAKY);
        HttpResponse<String> first = send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(json(first).at("/error/code").asText()).isEqualTo("upstream_overloaded");
        assertChatCompletion(send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null));
        assertNewApi401(send(server, CHAT, BAD_KEY, "{}", null));

        assertThat(send(server, RESPONSES, BAD_KEY, "{}", null).statusCode()).isEqualTo(503);
        assertResponseObject(send(server, RESPONSES, SandboxServer.CANARY_KEY, "{}", null));
    }

    @Test
    void quotaExhaustedAnswers429InsufficientQuotaWithoutRetryAfter() throws Exception {
        SandboxServer server = start(SandboxMode.QUOTA_EXHAUSTED);
        HttpResponse<String> r = send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("retry-after")).isEmpty();
        JsonNode error = json(r).get("error");
        assertThat(error.get("code").asText()).isEqualTo("insufficient_quota");
        assertThat(error.get("type").asText()).isEqualTo("insufficient_quota");
        assertThat(error.get("message").asText()).startsWith("You exceeded your current quota");
    }

    @Test
    void wrongUpstreamAnswersHealthilyFromAnotherProvider() throws Exception {
        SandboxServer server = start(SandboxMode.WRONG_UPSTREAM);
        HttpResponse<String> r = send(server, CHAT, SandboxServer.CANARY_KEY, "{}", "primary");
        assertChatCompletion(r);
        assertThat(header(r, "x-upstream")).isEqualTo("other-provider");
        assertThat(r.headers().allValues("x-route-label")).containsExactly("somewhere-else");
        HttpResponse<String> bad = send(server, RESPONSES, BAD_KEY, "{}", null);
        assertNewApi401(bad);
        assertThat(header(bad, "x-upstream")).isEqualTo("other-provider");
    }

    @Test
    void redirectAnswers301ToAnotherHostWithAnHtmlPage() throws Exception {
        SandboxServer server = start(SandboxMode.REDIRECT);
        for (String key : new String[] {SandboxServer.CANARY_KEY, BAD_KEY}) {
            HttpResponse<String> r = send(server, CHAT, key, "{}", null);
            assertThat(r.statusCode()).isEqualTo(301);
            assertThat(header(r, "location")).isEqualTo("http://127.0.0.1:1/elsewhere");
            assertThat(header(r, "content-type")).startsWith("text/html");
            assertThat(r.body()).contains("<h1>301 Moved Permanently</h1>");
        }
    }

    @Test
    void htmlErrorsAnswersTheBadKeyWithAnHtmlPage() throws Exception {
        SandboxServer server = start(SandboxMode.HTML_ERRORS);
        assertChatCompletion(send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null));
        HttpResponse<String> r = send(server, CHAT, BAD_KEY, "{}", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(header(r, "content-type")).startsWith("text/html");
        assertThat(r.body()).isEqualTo("<html><body><h1>401 Unauthorized</h1></body></html>");
        assertThatThrownBy(() -> JSON.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void gatewayRetriesReportsTheGatewaysOwnRetries() throws Exception {
        SandboxServer server = start(SandboxMode.GATEWAY_RETRIES);
        HttpResponse<String> happy = send(server, RESPONSES, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(happy.statusCode()).isEqualTo(503);
        assertThat(header(happy, "x-portkey-retry-attempt-count")).isEqualTo("-1");
        JsonNode body = json(happy);
        assertThat(body.at("/error/message").asText()).isEqualTo("openai error: upstream overloaded");
        assertThat(body.get("provider").asText()).isEqualTo("openai");

        HttpResponse<String> bad = send(server, RESPONSES, BAD_KEY, "{}", null);
        assertNewApi401(bad);
        assertThat(header(bad, "x-litellm-attempted-retries")).isEqualTo("2");
        assertThat(bad.headers().firstValue("x-portkey-retry-attempt-count")).isEmpty();
    }

    @Test
    void echoKeyRepeatsTheBadKeyInItsBodyAndAHeader() throws Exception {
        SandboxServer server = start(SandboxMode.ECHO_KEY);
        HttpResponse<String> ok = send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null);
        assertChatCompletion(ok);
        assertThat(ok.headers().firstValue("x-echo-key")).isEmpty();

        HttpResponse<String> bad = send(server, CHAT, BAD_KEY, "{}", null);
        JsonNode error = assertNewApi401(bad);
        assertThat(error.get("message").asText()).contains(BAD_KEY);
        assertThat(header(bad, "x-echo-key")).isEqualTo(BAD_KEY);
    }

    @Test
    void gatewayFellBackNamesTheSecondTargetAndAnswersWithTheFallbacksModel() throws Exception {
        SandboxServer server = start(SandboxMode.GATEWAY_FELL_BACK);
        HttpResponse<String> happy = send(server, CHAT, SandboxServer.CANARY_KEY, "{\"model\":\"gpt-4o-mini\"}", null);
        assertChatCompletion(happy);
        assertThat(json(happy).get("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(header(happy, "x-portkey-last-used-option-index")).isEqualTo("config.targets[1]");
        assertThat(header(happy, "x-portkey-retry-attempt-count")).isEqualTo("0");

        HttpResponse<String> bad = send(server, RESPONSES, BAD_KEY, "{}", null);
        assertNewApi401(bad);
        assertThat(header(bad, "x-portkey-last-used-option-index")).isEqualTo("config.targets[1]");
    }

    @Test
    void gatewayErrorIsPortkeysOwnHtmlMessageFiveHundredForEveryKey() throws Exception {
        SandboxServer server = start(SandboxMode.GATEWAY_ERROR);
        for (String key : new String[] {SandboxServer.CANARY_KEY, BAD_KEY}) {
            HttpResponse<String> r = send(server, CHAT, key, "{}", null);
            assertThat(r.statusCode()).isEqualTo(500);
            JsonNode body = json(r);
            assertThat(body.get("html-message").asText()).contains("ECONNREFUSED");
            assertThat(body.has("error")).as("no OpenAI error envelope").isFalse();
            assertThat(header(r, "x-portkey-last-used-option-index")).isEqualTo("config.targets[1]");
        }
    }

    @ParameterizedTest
    @EnumSource(value = SandboxMode.class, names = "HANG", mode = EnumSource.Mode.EXCLUDE)
    void everyAnswerCarriesTheRequestIdAndUpstreamHeaders(SandboxMode mode) throws Exception {
        SandboxServer server = start(mode);
        HttpResponse<String> r = send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null);
        assertThat(header(r, "x-request-id")).isEqualTo("req_sandbox_1");
        assertThat(header(r, "x-upstream")).isEqualTo(mode == SandboxMode.WRONG_UPSTREAM ? "other-provider" : "sandbox");
        boolean playsAGateway = mode == SandboxMode.GATEWAY_FELL_BACK || mode == SandboxMode.GATEWAY_ERROR;
        assertThat(r.headers().firstValue("x-portkey-last-used-option-index"))
                .as("only the modes that play a gateway say who served: Portkey passes an upstream's headers on")
                .isEqualTo(playsAGateway ? java.util.Optional.of("config.targets[1]") : java.util.Optional.empty());
    }

    // --- routing, binding, lifecycle -------------------------------------------------------

    @Test
    void unknownPathIs404AndWrongMethodIs405AndModelsAreListed() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        HttpResponse<String> unknown = send(server, "/x", SandboxServer.CANARY_KEY, "{}", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        JsonNode error = json(unknown).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Invalid URL (POST /v1/x)");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").isNull()).isTrue();

        HttpResponse<String> wrongMethod = get(server, CHAT);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(header(wrongMethod, "allow")).isEqualTo("POST");
        assertThat(json(wrongMethod).at("/error/type").asText()).isEqualTo("invalid_request_error");

        HttpResponse<String> models = get(server, "/models");
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(json(models).get("object").asText()).isEqualTo("list");
        assertThat(json(models).at("/data/0/id").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void bindsTheLoopbackAddressOnly() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        assertThat(server.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
        assertThat(server.port()).isPositive();

        Optional<InetAddress> external = nonLoopbackAddress();
        // AssertJ's assumeThat builds proxies (seconds on first use); JUnit's is instant.
        assumeTrue(external.isPresent(), "no non-loopback IPv4 interface to probe");
        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), server.port()), 500))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void requestCountCountsEveryRequestOnEveryPath() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        assertThat(server.requestCount()).isZero();
        send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null);
        send(server, RESPONSES, BAD_KEY, "{}", null);
        send(server, "/nowhere", null, "{}", null);
        get(server, "/models");
        assertThat(server.requestCount()).isEqualTo(4);
    }

    @Test
    void portZeroPicksFreePortsAndABusyPortFails() throws Exception {
        SandboxServer a = start(SandboxMode.HEALTHY);
        SandboxServer b = start(SandboxMode.HEALTHY);
        assertThat(a.port()).isNotEqualTo(b.port());
        assertThatThrownBy(() -> SandboxServer.start(a.port(), SandboxMode.HEALTHY)).isInstanceOf(IOException.class);
    }

    @Test
    void closeIsIdempotentAndStopsServing() throws Exception {
        SandboxServer server = start(SandboxMode.HEALTHY);
        server.close();
        server.close();
        assertThatThrownBy(() -> send(server, CHAT, SandboxServer.CANARY_KEY, "{}", null))
                .isInstanceOf(IOException.class);
    }

    @Test
    void modesHaveKebabCaseWireNamesThatRoundTrip() {
        assertThat(SandboxMode.values()).hasSize(18);
        for (SandboxMode mode : SandboxMode.values()) {
            assertThat(mode.wire()).matches("[a-z]+(-[a-z]+)*");
            assertThat(mode.description()).isNotBlank().doesNotContain("\n");
            assertThat(SandboxMode.fromWire(mode.wire())).isSameAs(mode);
        }
        assertThat(SandboxMode.fromWire("RATE-LIMITED")).isSameAs(SandboxMode.RATE_LIMITED);
        assertThat(SandboxMode.fromWire("rate_limited")).isNull();
        assertThat(SandboxMode.fromWire("nope")).isNull();
        assertThat(SandboxMode.fromWire(null)).isNull();
    }

    // --- helpers ---------------------------------------------------------------------------

    private SandboxServer start(SandboxMode mode) throws IOException {
        SandboxServer server = SandboxServer.start(0, mode);
        started.add(server);
        return server;
    }

    private static HttpRequest.Builder post(SandboxServer server, String path, String key, String body, String label) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (label != null) {
            b.header("X-Route-Label", label);
        }
        return b;
    }

    private static HttpResponse<String> send(SandboxServer server, String path, String key, String body, String label)
            throws IOException, InterruptedException {
        return CLIENT.send(post(server, path, key, body, label).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(SandboxServer server, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(2)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(header(r, "content-type")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private static JsonNode assertChatCompletion(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("object").asText()).isEqualTo("chat.completion");
        assertThat(body.get("id").asText()).startsWith("chatcmpl-");
        assertThat(body.get("choices").isArray()).isTrue();
        assertThat(body.get("choices")).isNotEmpty();
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(body.get("usage").isObject()).isTrue();
        return body;
    }

    private static JsonNode assertResponseObject(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("object").asText()).isEqualTo("response");
        assertThat(body.get("id").asText()).startsWith("resp_");
        assertThat(body.get("status").asText()).isEqualTo("completed");
        assertThat(body.get("output").isArray()).isTrue();
        assertThat(body.get("usage").isObject()).isTrue();
        return body;
    }

    /** Returns the {@code error} object of new-api's invalid-token answer. */
    private static JsonNode assertNewApi401(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode error = json(r).get("error");
        assertThat(error.isObject()).isTrue();
        assertThat(error.get("code").asText()).isEmpty();
        assertThat(error.get("type").asText()).isEqualTo("new_api_error");
        assertThat(error.get("message").asText()).startsWith("Invalid token").containsPattern("\\(request id: 20\\d{12}\\w+\\)");
        return error;
    }

    private static void awaitRequests(SandboxServer server, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (server.requestCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.requestCount()).isEqualTo(count);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }
}
