package dev.rollforward.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * One validated route of the config. Holds env var names, never credential values.
 *
 * @param headersEnv request header name → NAME of the env var holding its value (a secret)
 * @param gateway    the gateway profile the route runs through ({@link Gateway#NONE} when none)
 * @param stream     the happy path and the error path ask for the family's streaming form (CONTRACT §3)
 */
public record Route(
        String label,
        String baseUrl,
        RequestFamily family,
        String model,
        String prompt,
        int maxOutputTokens,
        String credentialEnv,
        String disabledCredentialEnv,
        Map<String, String> headers,
        Map<String, String> headersEnv,
        Gateway gateway,
        Expectations expect,
        List<String> gatewayRetryHeaders,
        Timeouts timeouts,
        RetryPolicy retry,
        String reviewLink,
        boolean stream,
        int line) {

    public static final String DEFAULT_PROMPT = "Reply with the single word: ok";
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 16;
    public static final int MAX_OUTPUT_TOKENS_CAP = 256;
    /** The response headers in which LiteLLM and Portkey report the retries they made. */
    public static final List<String> DEFAULT_GATEWAY_RETRY_HEADERS =
            List.of("x-litellm-attempted-retries", "x-portkey-retry-attempt-count");

    /** This route sent to another base URL, with the expectations that go with it. */
    public Route withBaseUrl(String url, Expectations expectations) {
        return new Route(label, url, family, model, prompt, maxOutputTokens, credentialEnv, disabledCredentialEnv, headers,
                headersEnv, gateway, expectations, gatewayRetryHeaders, timeouts, retry, reviewLink, stream, line);
    }

    /** The NAME of the env var holding the key this phase presents; null for a generated disabled key. */
    public String keyEnv(Phase phase) {
        return phase == Phase.HAPPY_PATH ? credentialEnv : disabledCredentialEnv;
    }

    /** The URL the family's request goes to. */
    public String endpoint() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + family.path();
    }

    /** What the route's gateway reported in one answer's headers (names lower case). */
    public GatewayReport gatewayReport(Map<String, List<String>> responseHeaders) {
        return GatewayReport.read(gateway, responseHeaders, gatewayRetryHeaders, expect.servedBy());
    }
}
