package dev.rollforward.vocabulary;

/**
 * Where a route's records came from, so a second operator can tell two runs apart (CONTRACT §4).
 *
 * @param toolVersion           the rollforward version that judged
 * @param routeDigest           {@code sha256:} + hex of the route's effective config in canonical form
 * @param credentialFingerprint {@code sha256:} + 12 hex digits of the canary key's SHA-256, or null without one
 */
public record Provenance(String toolVersion, String routeDigest, String credentialFingerprint) {
}
