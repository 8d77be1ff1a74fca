package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rollforward check} against https upstreams with a private CA, and through proxies. */
class TlsAndProxyEndToEndTest {

    private static final HeldCertificate ROOT_CA = new HeldCertificate.Builder()
            .certificateAuthority(0).commonName("rollforward e2e private CA").build();
    private static final long DAY = 24L * 3600 * 1000;
    private static final String PROXY_PASSWORD = "Pr0xy-pass-9f8e7d6c";

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    @BeforeEach
    void answerHealthy() {
        server.setDispatcher(Upstream.healthy());
    }

    private void serveTls(HeldCertificate leaf) {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, ROOT_CA.certificate()).build()
                .sslSocketFactory());
    }

    private HeldCertificate leafFor(String host) {
        return new HeldCertificate.Builder().addSubjectAlternativeName(host).signedBy(ROOT_CA).build();
    }

    private Path config(String baseUrl) {
        return cli.write(RouteConfig.at(baseUrl).with("timeouts: {connect_ms: 2000, request_ms: 5000}")
                .with("retry: {max_retries: 1, base_delay_ms: 100, max_delay_ms: 400, max_retry_after_ms: 5000}"));
    }

    private String httpsBase() {
        return "https://" + server.getHostName() + ":" + server.getPort() + "/v1";
    }

    private Path caPem() throws IOException {
        Path pem = cli.dir().resolve("private-ca.pem");
        Files.writeString(pem, ROOT_CA.certificatePem());
        return pem;
    }

    private void assertNoStackTrace() {
        assertThat(cli.stderr).doesNotContain("    at ").doesNotContain("Exception").doesNotContain("PKIX")
                .doesNotContain("sun.security");
    }

    @Test
    void aPrivateCaWithoutCaCertIsAHoldNamingTheUnknownCa() throws IOException {
        serveTls(leafFor(server.getHostName()));

        int code = cli.run("check", "--config", config(httpsBase()).toString());

        assertThat(code).isEqualTo(2);
        List<JsonNode> records = cli.records();
        assertThat(records).hasSize(3);
        assertThat(Cli.reasons(records.get(0))).containsExactly("no_response", "tls_failure", "tls_unknown_ca");
        assertThat(Cli.reasons(records.get(1))).contains("tls_failure", "tls_unknown_ca");
        assertThat(records.get(2).get("fallback_decision").asText()).isEqualTo("hold");
        assertThat(cli.stderrLinesWith("primary happy-path: TLS failed"))
                .containsExactly("  primary happy-path: TLS failed: unknown certificate authority: "
                        + "pass its CA certificate (PEM) with --ca-cert");
        assertThat(cli.stderrLinesWith("primary error-path: TLS failed: unknown certificate authority")).hasSize(1);
        assertNoStackTrace();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void withCaCertThePrivateCaRoutePromotes() throws IOException {
        serveTls(leafFor(server.getHostName()));

        int code = cli.run("check", "--config", config(httpsBase()).toString(), "--ca-cert", caPem().toString());

        assertThat(code).as(cli.stderr).isZero();
        assertThat(cli.records().get(2).get("fallback_decision").asText()).isEqualTo("promote");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anExpiredCertificateIsAHoldSayingSo() throws IOException {
        long now = System.currentTimeMillis();
        serveTls(new HeldCertificate.Builder().addSubjectAlternativeName(server.getHostName())
                .validityInterval(now - 30 * DAY, now - DAY).signedBy(ROOT_CA).build());

        int code = cli.run("check", "--config", config(httpsBase()).toString(), "--ca-cert", caPem().toString());

        assertThat(code).isEqualTo(2);
        assertThat(Cli.reasons(cli.records().get(0))).contains("tls_failure", "tls_certificate_expired");
        assertThat(cli.stderrLinesWith("primary happy-path: TLS failed: certificate expired")).hasSize(1);
        assertNoStackTrace();
    }

    @Test
    void aCertificateForAnotherHostIsAHoldNamingTheHostnameMismatch() throws IOException {
        serveTls(leafFor("other.example"));

        int code = cli.run("check", "--config", config(httpsBase()).toString(), "--ca-cert", caPem().toString());

        assertThat(code).isEqualTo(2);
        assertThat(Cli.reasons(cli.records().get(0))).contains("tls_failure", "tls_hostname_mismatch");
        assertThat(cli.stderrLinesWith("primary happy-path: TLS failed: hostname mismatch")).hasSize(1);
        assertNoStackTrace();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingCaCertFileIsAConfigErrorAndNothingIsSent() throws IOException {
        Path missing = cli.dir().resolve("missing.pem");

        int code = cli.run("check", "--config", config(server.url("/v1").toString()).toString(), "--ca-cert", missing.toString());

        assertThat(code).isEqualTo(78);
        assertThat(cli.stderr.strip()).isEqualTo("rollforward: config error: --ca-cert " + missing + ": no such file");
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anInvalidCaCertFileIsAConfigErrorAndNothingIsSent() throws IOException {
        Path bad = cli.dir().resolve("bad.pem");
        Files.writeString(bad, "-----BEGIN CERTIFICATE-----\nZ2FyYmFnZQ==\n-----END CERTIFICATE-----\n");

        int code = cli.run("check", "--config", config(server.url("/v1").toString()).toString(), "--ca-cert", bad.toString());

        assertThat(code).isEqualTo(78);
        assertThat(cli.stderr.lines().count()).isEqualTo(1);
        assertThat(cli.stderr).contains("--ca-cert " + bad + ": ");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anHttpProxyFromTheEnvironmentCarriesTheCheckAndItsPasswordIsNeverPrinted() throws IOException {
        // The route names a host that does not exist; only the proxy (the mock) can answer for it.
        cli.env.put("HTTP_PROXY", "http://ops:" + PROXY_PASSWORD + "@" + server.getHostName() + ":" + server.getPort());

        int code = cli.run("check", "--config", config("http://upstream.invalid/v1").toString(), "--verbose");

        assertThat(code).as(cli.stderr).isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(cli.stderr).contains("via http proxy " + server.getHostName() + ":" + server.getPort()
                + " (HTTP_PROXY, with credentials)");
        assertThat(cli.stdout + cli.stderr).doesNotContain(PROXY_PASSWORD).doesNotContain(PROXY_PASSWORD.substring(2, 12));
    }

    @Test
    void noProxyLetsALoopbackRouteGoDirect() throws IOException {
        cli.env.put("HTTP_PROXY", "http://proxy.invalid:3128");
        cli.env.put("NO_PROXY", "localhost,127.0.0.1,::1," + server.getHostName());

        int code = cli.run("check", "--config", config(server.url("/v1").toString()).toString());

        assertThat(code).as(cli.stderr).isZero();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void anUnusableProxyVariableIsAConfigErrorNamingItNotItsValue() throws IOException {
        cli.env.put("HTTPS_PROXY", "https://ops:" + PROXY_PASSWORD + "@proxy.corp:3128");

        int code = cli.run("check", "--config", config(server.url("/v1").toString()).toString());

        assertThat(code).isEqualTo(78);
        assertThat(cli.stderr).contains("HTTPS_PROXY").doesNotContain(PROXY_PASSWORD).doesNotContain("proxy.corp");
        assertThat(server.getRequestCount()).isZero();
    }
}
