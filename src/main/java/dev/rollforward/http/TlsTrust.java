package dev.rollforward.http;

import dev.rollforward.vocabulary.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.tls.HandshakeCertificates;

/**
 * The CAs an {@code https} route is verified against: the JVM's default trust store plus the
 * certificates of a {@code --ca-cert} PEM file (a private CA). okhttp-tls builds one PKIX trust
 * manager over both sets of anchors, so its failures (unknown CA, expired, …) are the JDK's and
 * read the same either way.
 */
public final class TlsTrust {

    /** A CA bundle is a few hundred KiB at most; anything far larger is not one. */
    private static final long MAX_PEM_BYTES = 4L * 1024 * 1024;

    private final X509TrustManager trustManager;
    private final SSLSocketFactory socketFactory;
    private final int added;

    private TlsTrust(HandshakeCertificates certificates, int added) {
        this.trustManager = certificates.trustManager();
        this.socketFactory = certificates.sslSocketFactory(); // one per run: the routes share its session cache
        this.added = added;
    }

    /**
     * The JVM's CAs plus every certificate in {@code pem}. A missing, unreadable or invalid file is a
     * config error whose one-line message names the file (and never holds the file's content).
     */
    public static TlsTrust jvmDefaultPlus(Path pem) throws ConfigException {
        List<X509Certificate> extra = readPem(pem);
        try {
            HandshakeCertificates.Builder trusted = new HandshakeCertificates.Builder().addPlatformTrustedCertificates();
            extra.forEach(trusted::addTrustedCertificate);
            return new TlsTrust(trusted.build(), extra.size());
        } catch (Exception e) { // okhttp-tls throws the KeyStore's checked exceptions undeclared
            throw problem(pem, "could not be made into a trust store (" + e.getClass().getSimpleName() + ")");
        }
    }

    X509TrustManager trustManager() {
        return trustManager;
    }

    SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    /** How many certificates the PEM file added to the JVM's CAs. */
    int added() {
        return added;
    }

    private static List<X509Certificate> readPem(Path pem) throws ConfigException {
        Collection<? extends Certificate> certs;
        try {
            if (Files.isDirectory(pem)) {
                throw problem(pem, "is a directory; pass a PEM file with one or more certificates");
            }
            if (Files.size(pem) > MAX_PEM_BYTES) {
                throw problem(pem, "is larger than 4 MiB; a CA certificate file is a few KiB");
            }
            try (InputStream in = Files.newInputStream(pem)) {
                certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            }
        } catch (NoSuchFileException e) {
            throw problem(pem, "no such file");
        } catch (IOException | RuntimeException e) {
            throw problem(pem, "cannot be read (" + e.getClass().getSimpleName() + "); check the path and its permissions");
        } catch (GeneralSecurityException e) {
            throw problem(pem, "is not a PEM certificate file (expected -----BEGIN CERTIFICATE----- blocks)");
        }
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate) {
                out.add((X509Certificate) c);
            }
        }
        if (out.isEmpty()) {
            throw problem(pem, "holds no certificate (expected -----BEGIN CERTIFICATE----- blocks)");
        }
        return out;
    }

    private static ConfigException problem(Path pem, String what) {
        return new ConfigException("--ca-cert " + pem + ": " + what);
    }
}
