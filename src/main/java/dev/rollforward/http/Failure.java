package dev.rollforward.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Names why no response came, as a reason code and a short human detail (no stack trace).
 *
 * @param code a more specific reason code under {@code reason} (e.g. {@code tls_unknown_ca}), or null
 */
record Failure(String reason, String code, String detail) {

    Failure(String reason, String detail) {
        this(reason, null, detail);
    }

    static Failure of(IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SSLException || hasCause(e, SSLException.class)) {
            return tls(e);
        }
        // OkHttp's own words when an HTTP proxy will not open the tunnel for an https URL.
        if (msg.startsWith("Failed to authenticate with proxy") || msg.startsWith("Unexpected response code for CONNECT")) {
            return new Failure("proxy_failure", msg.startsWith("Failed")
                    ? "the proxy refused its credentials (407); check the user and password in the proxy variable"
                    : "the proxy would not open a tunnel to the upstream (CONNECT refused)");
        }
        if (e instanceof UnknownHostException) {
            return new Failure("dns_failure", "the host name did not resolve");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new Failure("connect_failed", "the connection was refused or could not be made");
        }
        if (e instanceof SocketTimeoutException) {
            return msg.toLowerCase(Locale.ROOT).contains("connect")
                    ? new Failure("connect_timeout", "connecting took longer than connect_ms")
                    : new Failure("timeout", "the upstream stopped answering within request_ms");
        }
        if (e instanceof InterruptedIOException) {
            return new Failure("deadline_exceeded", "the attempt passed request_ms");
        }
        if (e instanceof EOFException || e instanceof SocketException || msg.contains("unexpected end of stream")) {
            return new Failure("connection_reset", "the connection closed before a complete response");
        }
        return new Failure("io_error", e.getClass().getSimpleName());
    }

    /** Which TLS check failed, in words a person can act on; the JDK's message itself is never shown. */
    private static Failure tls(IOException e) {
        String all = msgs(e);
        if (e instanceof SSLPeerUnverifiedException || all.contains("hostname") || all.contains("no subject alternative")) {
            return new Failure("tls_failure", "tls_hostname_mismatch",
                    "TLS failed: hostname mismatch: the certificate does not name this host");
        }
        if (hasCause(e, CertificateExpiredException.class) || all.contains("expired")) {
            return new Failure("tls_failure", "tls_certificate_expired", "TLS failed: certificate expired");
        }
        if (hasCause(e, CertificateNotYetValidException.class)) {
            return new Failure("tls_failure", "tls_handshake_failed",
                    "TLS failed: certificate not yet valid (check this machine's clock)");
        }
        if (all.contains("pkix path building") || all.contains("trust anchor") || all.contains("certification path")) {
            return new Failure("tls_failure", "tls_unknown_ca",
                    "TLS failed: unknown certificate authority: pass its CA certificate (PEM) with --ca-cert");
        }
        return new Failure("tls_failure", "tls_handshake_failed", "TLS failed: handshake failed");
    }

    private static String msgs(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(' ').append(t.getMessage());
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
