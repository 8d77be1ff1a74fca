package dev.rollforward.config;

import dev.rollforward.secrets.CredentialHeaders;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Gateway;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The request headers a route sets: {@code headers} (values in the file) and {@code headers_env}
 * (values in env vars, read when a check runs: gateway keys, virtual keys). Both must be headers
 * HTTP can carry; neither may carry the credential or the correlation id, which rollforward sets
 * itself; a header whose name says it carries a secret belongs in {@code headers_env}.
 */
final class RouteHeaders {

    /** RFC 9110 token; a header value is tab or printable ASCII, as OkHttp checks before sending. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\t\\x20-\\x7e]*");

    private RouteHeaders() {
    }

    static Map<String, String> headers(Fields f, Gateway gateway) throws ConfigException {
        Map<String, String> headers = f.optStringMap("headers");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            name(f, "headers", h.getKey(), gateway);
            // What HTTP (and OkHttp) accepts: found by fuzzing; before, such a header failed the run at send time.
            if (!HEADER_VALUE.matcher(h.getValue()).matches()) {
                throw f.error("headers", h.getKey() + " has a value HTTP cannot carry: printable ASCII only, "
                        + "no line breaks or control characters");
            }
            if (CredentialHeaders.namesASecret(h.getKey())) {
                throw f.error("headers", "must not set " + h.getKey() + ": its name says it carries a secret, and "
                        + SecretScan.NOT_HERE + " (headers_env: {" + h.getKey() + ": ENV_VAR_NAME})");
            }
        }
        return Map.copyOf(headers);
    }

    /** Header name → env var name; a header may not be set both ways. */
    static Map<String, String> headersEnv(Fields f, Gateway gateway, Map<String, String> headers) throws ConfigException {
        Map<String, String> fromEnv = f.optStringMap("headers_env");
        for (Map.Entry<String, String> h : fromEnv.entrySet()) {
            name(f, "headers_env", h.getKey(), gateway);
            ConfigLoader.envName(f, "headers_env", h.getValue());
            if (headers.keySet().stream().anyMatch(h.getKey()::equalsIgnoreCase)) {
                throw f.error("headers_env", h.getKey() + " is also set in headers; set it in one of the two");
            }
        }
        return Map.copyOf(fromEnv);
    }

    private static void name(Fields f, String key, String name, Gateway gateway) throws ConfigException {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw f.error(key, "has a header name that is not a valid HTTP header name "
                    + "(letters, digits and !#$%&'*+-.^_`|~ only; no spaces or colons)");
        }
        if (CredentialHeaders.isCredentialHeader(name)) {
            throw f.error(key, "must not set " + name + "; the credential comes from credential_env");
        }
        if (gateway.correlationHeaders().stream().anyMatch(name::equalsIgnoreCase)) {
            throw f.error(key, "must not set " + name + "; rollforward sends the correlation id "
                    + "{check_id}.{route_label}.{phase} in it");
        }
    }
}
