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
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Names why no response came, as a reason code and a short human detail (no stack trace). */
record Failure(String reason, String detail) {

    static Failure of(IOException e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof SSLException || hasCause(e, SSLException.class)) {
            return new Failure("tls_failure", tlsDetail(e));
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

    private static String tlsDetail(IOException e) {
        if (e instanceof SSLPeerUnverifiedException || msgs(e).contains("hostname")) {
            return "hostname mismatch: the certificate does not name this host";
        }
        if (hasCause(e, CertificateExpiredException.class) || msgs(e).contains("expired")) {
            return "certificate expired";
        }
        if (msgs(e).contains("pkix") || msgs(e).contains("trust anchor") || msgs(e).contains("certification path")) {
            return "unknown certificate authority: pass its PEM with --ca-cert";
        }
        return "TLS handshake failed";
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
