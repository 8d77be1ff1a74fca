package dev.rollforward.http;

import static dev.rollforward.http.Snapshots.answer;
import static dev.rollforward.http.Snapshots.noAnswer;
import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollforward.check.Bodies;
import dev.rollforward.http.proxy.EnvProxySelector;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests through a proxy from the environment: a MockWebServer plays the proxy. */
class TransportProxyTest {

    @StartStop
    final MockWebServer proxy = new MockWebServer();

    @StartStop
    final MockWebServer upstream = new MockWebServer();

    @TempDir
    Path dir;

    private final FakePacer pacer = new FakePacer();

    private static Route route(String baseUrl) {
        String yaml = "routes:\n  - label: primary\n    base_url: " + baseUrl + "\n    request_family: chat\n"
                + "    model: gpt-4o-mini\n    credential_env: TEST_CANARY_KEY\n"
                + "    timeouts: {connect_ms: 2000, request_ms: 5000}\n    retry: {max_retries: 1}\n";
        try {
            return ConfigLoader.parse("proxy.yaml", yaml).routes().get(0);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private ResponseSnapshot send(Route route, TlsTrust tls, String... envPairs) throws ConfigException {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < envPairs.length; i += 2) {
            env.put(envPairs[i], envPairs[i + 1]);
        }
        try (Transport t = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES).pacer(pacer).backoff(new Backoff(bound -> bound))
                .tls(tls).proxies(EnvProxySelector.from(env)).build()) {
            return t.send(route, CANARY, Map.of(), Routes.CORRELATION_ID);
        }
    }

    private String proxyUrl(MockWebServer server) {
        return "http://" + server.getHostName() + ":" + server.getPort();
    }

    private static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r).as("a request reached " + server).isNotNull();
        return r;
    }

    @Test
    void anHttpUrlGoesToHttpProxyAsAnAbsoluteUri() throws Exception {
        proxy.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(route("http://upstream.invalid/v1"), null, "HTTP_PROXY", proxyUrl(proxy));

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.requestHost()).isEqualTo("upstream.invalid");
        RecordedRequest r = take(proxy);
        assertThat(r.getRequestLine()).isEqualTo("POST http://upstream.invalid/v1/chat/completions HTTP/1.1");
        assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(r.getHeaders().get("Proxy-Authorization")).isNull();
    }

    @Test
    void lowerCaseHttpProxyWins() throws Exception {
        upstream.enqueue(json(200, Bodies.CHAT)); // plays the proxy named by the upper-case variable
        proxy.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(route("http://upstream.invalid/v1"), null,
                "http_proxy", proxyUrl(proxy), "HTTP_PROXY", proxyUrl(upstream));

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(proxy.getRequestCount()).isEqualTo(1);
        assertThat(upstream.getRequestCount()).isZero();
    }

    @Test
    void noProxyHostsGoDirect() throws Exception {
        upstream.enqueue(json(200, Bodies.CHAT));
        String host = upstream.getHostName();

        ResponseSnapshot s = send(route(upstream.url("/v1").toString()), null,
                "HTTP_PROXY", proxyUrl(proxy), "NO_PROXY", "example.com," + host);

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(upstream.getRequestCount()).isEqualTo(1);
        assertThat(take(upstream).getRequestLine()).startsWith("POST /v1/chat/completions ");
        assertThat(proxy.getRequestCount()).isZero();
    }

    @Test
    void proxyCredentialsAnswerA407AndNeverReachTheUpstream() throws Exception {
        proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
        proxy.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(route("http://upstream.invalid/v1"), null,
                "HTTP_PROXY", "http://alice:s3cret%2Fpw@" + proxy.getHostName() + ":" + proxy.getPort());

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(s.resends()).as("a proxy's challenge is not a resend to the upstream").isZero();
        assertThat(take(proxy).getHeaders().get("Proxy-Authorization")).isNull();
        assertThat(take(proxy).getHeaders().get("Proxy-Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:s3cret/pw".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void wrongProxyCredentialsAreTriedOnceThenThe407IsTheAnswer() throws Exception {
        for (int i = 0; i < 4; i++) {
            proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
        }

        ResponseSnapshot s = send(route("http://upstream.invalid/v1"), null,
                "HTTP_PROXY", "http://alice:wrong-password@" + proxy.getHostName() + ":" + proxy.getPort());

        assertThat(answer(s).status()).isEqualTo(407);
        assertThat(proxy.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anHttpsUrlTunnelsThroughTheProxyWithConnectAndSendsCredentialsOnlyToTheProxy() throws Exception {
        HeldCertificate ca = TransportTlsTest.ROOT_CA;
        HeldCertificate leaf = new HeldCertificate.Builder().addSubjectAlternativeName("upstream.example").signedBy(ca).build();
        proxy.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, ca.certificate()).build().sslSocketFactory());
        proxy.enqueue(new MockResponse.Builder().inTunnel().build());
        proxy.enqueue(json(200, Bodies.CHAT));
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, ca.certificatePem());

        ResponseSnapshot s = send(route("https://upstream.example/v1"), TlsTrust.jvmDefaultPlus(pem),
                "HTTPS_PROXY", "http://alice:tunnel-pass@" + proxy.getHostName() + ":" + proxy.getPort(),
                "HTTP_PROXY", "http://unused.invalid:1");

        assertThat(answer(s).status()).isEqualTo(200);
        RecordedRequest connect = take(proxy);
        assertThat(connect.getRequestLine()).isEqualTo("CONNECT upstream.example:443 HTTP/1.1");
        assertThat(connect.getHeaders().get("Proxy-Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("alice:tunnel-pass".getBytes(StandardCharsets.UTF_8)));
        RecordedRequest inside = take(proxy);
        assertThat(inside.getRequestLine()).startsWith("POST /v1/chat/completions HTTP/");
        assertThat(inside.getHandshake()).as("the request went inside TLS").isNotNull();
        assertThat(inside.getHeaders().get("Proxy-Authorization")).isNull();
    }

    @Test
    void aProxyThatRefusesTheTunnelIsAProxyFailureNotAnUpstreamAnswer() throws Exception {
        for (int i = 0; i < 4; i++) {
            proxy.enqueue(new MockResponse.Builder().code(403).body("blocked by policy").build());
        }

        ResponseSnapshot s = send(route("https://upstream.example/v1"), null, "HTTPS_PROXY", proxyUrl(proxy));

        noAnswer(s);
        assertThat(noAnswer(s).reason()).isEqualTo("proxy_failure");
        assertThat(noAnswer(s).detail()).contains("CONNECT refused");
        assertThat(take(proxy).getRequestLine()).isEqualTo("CONNECT upstream.example:443 HTTP/1.1");
    }

    @Test
    void wrongProxyCredentialsForATunnelAreAProxyFailure() throws Exception {
        for (int i = 0; i < 6; i++) {
            proxy.enqueue(new MockResponse.Builder().code(407).addHeader("Proxy-Authenticate", "Basic realm=\"corp\"").build());
        }

        ResponseSnapshot s = send(route("https://upstream.example/v1"), null,
                "HTTPS_PROXY", "http://alice:wrong-password@" + proxy.getHostName() + ":" + proxy.getPort());

        assertThat(noAnswer(s).reason()).isEqualTo("proxy_failure");
        assertThat(noAnswer(s).detail()).contains("refused its credentials").doesNotContain("wrong-password");
    }
}
