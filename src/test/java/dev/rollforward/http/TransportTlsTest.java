package dev.rollforward.http;

import static dev.rollforward.http.Snapshots.answer;
import static dev.rollforward.http.Snapshots.noAnswer;
import static dev.rollforward.http.Routes.CANARY;
import static dev.rollforward.http.Routes.chat;
import static dev.rollforward.http.Routes.json;
import static dev.rollforward.http.Routes.retries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.check.Bodies;
import dev.rollforward.vocabulary.ResponseSnapshot;
import dev.rollforward.vocabulary.ConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https routes: the JVM's CAs, --ca-cert for a private CA, and what a TLS failure is called. */
class TransportTlsTest {

    /** A private CA, as a company's internal gateway would use; ECDSA keys keep the test fast. */
    static final HeldCertificate ROOT_CA = new HeldCertificate.Builder()
            .certificateAuthority(0).commonName("rollforward test private CA").build();

    private static final long DAY = 24L * 3600 * 1000;

    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path dir;

    private final FakePacer pacer = new FakePacer();

    private void serve(HeldCertificate leaf) {
        server.useHttps(new HandshakeCertificates.Builder().heldCertificate(leaf, ROOT_CA.certificate()).build()
                .sslSocketFactory());
    }

    private HeldCertificate leafFor(String host) {
        return new HeldCertificate.Builder().addSubjectAlternativeName(host).signedBy(ROOT_CA).build();
    }

    private Path caPem() throws Exception {
        Path pem = dir.resolve("private-ca.pem");
        Files.writeString(pem, ROOT_CA.certificatePem());
        return pem;
    }

    private ResponseSnapshot send(TlsTrust tls) {
        try (Transport t = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES).pacer(pacer).backoff(new Backoff(bound -> bound)).tls(tls).build()) {
            return t.send(chat(server, retries(3)), CANARY, Map.of(), Routes.CORRELATION_ID);
        }
    }

    @Test
    void aPrivateCaIsAnUnknownCaWithoutCaCertAndNothingIsSentOrResent() {
        serve(leafFor(server.url("/").host()));
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(null);

        noAnswer(s);
        assertThat(noAnswer(s).reason()).isEqualTo("tls_failure");
        assertThat(noAnswer(s).failureCode()).isEqualTo("tls_unknown_ca");
        assertThat(noAnswer(s).detail()).isEqualTo("TLS failed: unknown certificate authority: pass its CA certificate (PEM) with --ca-cert");
        assertThat(s.resends()).isZero();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void withCaCertThePrivateCaIsTrusted() throws Exception {
        serve(leafFor(server.url("/").host()));
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(TlsTrust.jvmDefaultPlus(caPem()));

        assertThat(answer(s).status()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void caCertAddsToTheJvmsCasRatherThanReplacingThem() throws Exception {
        TlsTrust tls = TlsTrust.jvmDefaultPlus(caPem());

        X509Certificate[] issuers = tls.trustManager().getAcceptedIssuers();
        assertThat(tls.added()).isEqualTo(1);
        assertThat(Arrays.asList(issuers)).contains(ROOT_CA.certificate());
        assertThat(issuers.length).as("the JVM's own CAs are still trusted").isGreaterThan(10);
    }

    @Test
    void anExpiredCertificateIsNamedAsExpired() throws Exception {
        long now = System.currentTimeMillis();
        serve(new HeldCertificate.Builder().addSubjectAlternativeName(server.url("/").host())
                .validityInterval(now - 30 * DAY, now - DAY).signedBy(ROOT_CA).build());
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(TlsTrust.jvmDefaultPlus(caPem()));

        assertThat(noAnswer(s).reason()).isEqualTo("tls_failure");
        assertThat(noAnswer(s).failureCode()).isEqualTo("tls_certificate_expired");
        assertThat(noAnswer(s).detail()).isEqualTo("TLS failed: certificate expired");
        assertThat(s.resends()).isZero();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCertificateForAnotherHostIsAHostnameMismatch() throws Exception {
        serve(leafFor("other.example"));
        server.enqueue(json(200, Bodies.CHAT));

        ResponseSnapshot s = send(TlsTrust.jvmDefaultPlus(caPem()));

        assertThat(noAnswer(s).reason()).isEqualTo("tls_failure");
        assertThat(noAnswer(s).failureCode()).isEqualTo("tls_hostname_mismatch");
        assertThat(noAnswer(s).detail()).startsWith("TLS failed: hostname mismatch");
        assertThat(s.resends()).isZero();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aPlainHttpServerOnAnHttpsUrlIsAFailedHandshake() throws Exception {
        // A server that answers the TLS hello with plain HTTP.
        try (java.net.ServerSocket plain = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.setSoTimeout(5000);
                    s.getInputStream().read(new byte[16 * 1024]); // the client hello
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.shutdownOutput();
                    s.getInputStream().readAllBytes(); // until the client hangs up: no reset on unread bytes
                } catch (java.io.IOException ignored) {
                    // the test's assertions tell
                }
            });
            t.setDaemon(true);
            t.start();
            String yaml = "routes:\n  - label: primary\n    base_url: https://127.0.0.1:" + plain.getLocalPort()
                    + "/v1\n    request_family: chat\n    model: gpt-4o-mini\n    credential_env: K\n"
                    + "    timeouts: {connect_ms: 2000, request_ms: 5000}\n    retry: {max_retries: 0}\n";
            try (Transport tr = Transport.builder(Routes.USER_AGENT, Routes.ERROR_CODES).pacer(pacer).backoff(new Backoff(bound -> bound)).build()) {
                ResponseSnapshot s = tr.send(dev.rollforward.config.ConfigLoader.parse("t.yaml", yaml).routes().get(0), CANARY, Map.of(), Routes.CORRELATION_ID);

                assertThat(noAnswer(s).reason()).isEqualTo("tls_failure");
                assertThat(noAnswer(s).failureCode()).isEqualTo("tls_handshake_failed");
                assertThat(noAnswer(s).detail()).isEqualTo("TLS failed: handshake failed");
            }
        }
    }

    @Test
    void aBundleOfSeveralCertificatesWithCommentsIsRead() throws Exception {
        HeldCertificate other = new HeldCertificate.Builder().certificateAuthority(0).commonName("second CA").build();
        Path pem = dir.resolve("bundle.pem");
        Files.writeString(pem, "# our private CAs\n" + ROOT_CA.certificatePem() + "\n# the second one\n" + other.certificatePem());

        assertThat(TlsTrust.jvmDefaultPlus(pem).added()).isEqualTo(2);
    }

    @Test
    void aMissingCaCertFileIsAConfigErrorNamingIt() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> TlsTrust.jvmDefaultPlus(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--ca-cert " + missing + ": no such file");
    }

    @Test
    void aDirectoryIsAConfigError() {
        assertThatThrownBy(() -> TlsTrust.jvmDefaultPlus(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("--ca-cert " + dir + ": is a directory");
    }

    @Test
    void aFileWithoutCertificatesIsAConfigErrorThatDoesNotEchoTheFile() throws Exception {
        for (String content : new String[] {"", "not a certificate sk-test-secret-1234567890abcdef\n",
                "-----BEGIN CERTIFICATE-----\nbm90IGRlcg==\n-----END CERTIFICATE-----\n",
                ROOT_CA.privateKeyPkcs8Pem()}) {
            Path pem = dir.resolve("bad.pem");
            Files.write(pem, content.getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> TlsTrust.jvmDefaultPlus(pem))
                    .as("content %s", content.length() > 20 ? content.substring(0, 20) : content)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("--ca-cert " + pem + ": ")
                    .hasMessageNotContaining("sk-test")
                    .hasMessageNotContaining("PRIVATE KEY")
                    .hasMessageNotContaining("\n");
        }
    }
}
