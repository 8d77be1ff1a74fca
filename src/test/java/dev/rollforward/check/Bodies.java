package dev.rollforward.check;

/**
 * Real upstream bodies (REFERENCE.md: OpenAI openapi shapes, CometAPI, new-api, one-api,
 * Portkey) as the tests' fixtures. Public so the http tests can serve them too.
 */
public final class Bodies {

    /** OpenAI chat completion, with the extra fields CometAPI was seen to add. */
    public static final String CHAT = "{\"id\":\"chatcmpl-abc123\",\"object\":\"chat.completion\",\"created\":1764200000,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"ok\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":13,\"completion_tokens\":1,\"total_tokens\":14,"
            + "\"latency_checkpoint\":{\"first_token_ms\":120}},"
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_0000\",\"obfuscation\":\"xyz\"}";

    /** OpenAI response object, completed. */
    public static final String RESPONSE = "{\"id\":\"resp_abc123\",\"object\":\"response\",\"created_at\":1764200000,"
            + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"ok\",\"annotations\":[]}]}],"
            + "\"usage\":{\"input_tokens\":13,\"output_tokens\":1,\"total_tokens\":14,"
            + "\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens_details\":{\"reasoning_tokens\":0}},"
            + "\"service_tier\":\"default\"}";

    /** A tiny max_output_tokens gives status incomplete: still the right shape. */
    public static final String RESPONSE_INCOMPLETE = "{\"id\":\"resp_def456\",\"object\":\"response\",\"created_at\":1764200000,"
            + "\"status\":\"incomplete\",\"error\":null,\"incomplete_details\":{\"reason\":\"max_output_tokens\"},"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[],\"usage\":{\"input_tokens\":13,\"output_tokens\":16,"
            + "\"total_tokens\":29}}";

    /** A failed response: the right object, with the error that made it fail (REFERENCE: error is null or {code, message}). */
    public static final String RESPONSE_FAILED = RESPONSE.replace("\"status\":\"completed\",\"error\":null",
            "\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"The model failed to answer.\"}");

    /** A gateway's error folded into a 200 chat completion: the chat shape, and a non-null error. */
    public static final String CHAT_WITH_ERROR = CHAT.replace("\"service_tier\"",
            "\"error\":{\"message\":\"upstream timed out (request id: 9)\",\"type\":\"comet_api_error\",\"code\":\"upstream_error\"},"
                    + "\"service_tier\"");

    /** OpenAI bad key. */
    public static final String OPENAI_401 = "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-****0000.\","
            + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}";

    /** new-api: empty code, request id inside the message. */
    public static final String NEW_API_401 = "{\"error\":{\"code\":\"\",\"message\":\"Invalid token (request id: 20261127030405123456789abcdef)\","
            + "\"type\":\"new_api_error\"}}";

    /** new-api: IP outside the token's allow-list. */
    public static final String NEW_API_403 = "{\"error\":{\"code\":\"access_denied\",\"message\":\"您的 IP 不在令牌允许访问的列表中\","
            + "\"type\":\"new_api_error\"}}";

    /** one-api: no {@code code} at all. */
    public static final String ONE_API_401 = "{\"error\":{\"message\":\"无效的令牌 (request id: 2026112703040512345)\",\"type\":\"one_api_error\"}}";

    /** CometAPI envelope with param. */
    public static final String COMET_401 = "{\"error\":{\"message\":\"invalid api key (request id: 20261127)\","
            + "\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"invalid_api_key\"}}";

    /** A bare {"message": ...} body (some gateways). */
    public static final String MESSAGE_ONLY_401 = "{\"message\":\"Unauthorized\"}";

    /** An error given as a string. */
    public static final String STRING_ERROR_401 = "{\"error\":\"invalid api key\"}";

    public static final String COMET_500_INVALID_REQUEST = "{\"error\":{\"message\":\"field messages is required (request id: 3)\","
            + "\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"invalid_request\"}}";

    public static final String COMET_503_MODEL_NOT_FOUND = "{\"error\":{\"message\":\"no available channel for group default and model gpt-x (request id: 1)\","
            + "\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"model_not_found\"}}";

    public static final String OVERLOADED_503 = "{\"error\":{\"message\":\"upstream overloaded (request id: 2)\","
            + "\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"upstream_error\"}}";

    public static final String RATE_LIMIT_429 = "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\","
            + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

    public static final String QUOTA_429 = "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
            + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";

    /** Portkey after its retries were used up: the upstream's 503, body rewritten. */
    public static final String PORTKEY_503 = "{\"error\":{\"message\":\"openai error: upstream overloaded\"},\"provider\":\"openai\"}";

    /** Portkey with an unreachable upstream: no OpenAI error envelope. */
    public static final String PORTKEY_HTML_MESSAGE_500 = "{\"html-message\":\"connect ECONNREFUSED 127.0.0.1:9\"}";

    /** CometAPI can answer a wrong path with an HTML page. */
    public static final String HTML = "<!DOCTYPE html><html><head><title>CometAPI</title></head><body>Not here</body></html>";

    /** JSON, but no error and no success object. */
    public static final String NON_ERROR_JSON = "{\"ok\":true,\"data\":[]}";

    private Bodies() {
    }
}
