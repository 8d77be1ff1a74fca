package dev.rollforward.config;

import dev.rollforward.secrets.CredentialHeaders;
import dev.rollforward.vocabulary.ConfigException;

import java.util.Map;
import java.util.regex.Pattern;

/** A route's {@code headers}: ones HTTP can carry, and none that carries a credential. */
final class RouteHeaders {

    /** RFC 9110 token; a header value is tab or printable ASCII, as OkHttp checks before sending. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

    private RouteHeaders() {
    }

    static Map<String, String> read(Fields f) throws ConfigException {
        Map<String, String> headers = f.optStringMap("headers");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            // What HTTP (and OkHttp) accepts: found by fuzzing; before, such a header failed the run at send time.
            if (!HEADER_NAME.matcher(h.getKey()).matches()) {
                throw f.error("headers", "has a header name that is not a valid HTTP header name "
                        + "(letters, digits and !#$%&'*+-.^_`|~ only; no spaces or colons)");
            }
            if (!HEADER_VALUE.matcher(h.getValue()).matches()) {
                throw f.error("headers", h.getKey() + " has a value HTTP cannot carry: printable ASCII only, "
                        + "no line breaks or control characters");
            }
            if (CredentialHeaders.isCredentialHeader(h.getKey())) {
                throw f.error("headers", "must not set " + h.getKey() + "; the credential comes from credential_env");
            }
            if (CredentialHeaders.namesASecret(h.getKey())) {
                throw f.error("headers", "must not set " + h.getKey() + ": its name says it carries a secret, and "
                        + SecretScan.NOT_HERE);
            }
        }
        return headers;
    }
}
