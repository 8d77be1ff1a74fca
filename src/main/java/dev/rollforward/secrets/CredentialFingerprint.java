package dev.rollforward.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A key's fingerprint: {@code sha256:} + the first 12 hex digits of the SHA-256 of the key's
 * bytes. Safe to share: two operators can tell keys apart, and 48 bits of a hash reveal nothing
 * of a key. The same as {@code printf %s "$KEY" | sha256sum | cut -c1-12}.
 */
public final class CredentialFingerprint {

    static final int HEX_DIGITS = 12;

    private CredentialFingerprint() {
    }

    /** The fingerprint of {@code key}, or null when there is no key. */
    public static String of(String key) {
        if (key == null) {
            return null;
        }
        return "sha256:" + sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, HEX_DIGITS);
    }

    /** Hex SHA-256; shared with the route digest so the one hash is computed one way. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
