package dev.rollforward.cli;

/** Real upstream bodies (shapes from REFERENCE.md) for end-to-end tests. */
final class Upstream {

    static final String CHAT = "{\"id\":\"chatcmpl-abc123\",\"object\":\"chat.completion\",\"created\":1764200000,"
            + "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
            + "\"content\":\"ok\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":13,\"completion_tokens\":1,\"total_tokens\":14},"
            + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_0000\"}";

    static final String RESPONSE = "{\"id\":\"resp_abc123\",\"object\":\"response\",\"created_at\":1764200000,"
            + "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"model\":\"gpt-4o-mini-2024-07-18\","
            + "\"output\":[{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"output_text\",\"text\":\"ok\",\"annotations\":[]}]}],"
            + "\"usage\":{\"input_tokens\":13,\"output_tokens\":1,\"total_tokens\":14}}";

    static final String NEW_API_401 = "{\"error\":{\"code\":\"\",\"message\":\"Invalid token (request id: 20261127030405123456789abcdef)\","
            + "\"type\":\"new_api_error\"}}";

    static final String ONE_API_401 = "{\"error\":{\"message\":\"无效的令牌 (request id: 2026112703040512345)\",\"type\":\"one_api_error\"}}";

    static final String COMET_503 = "{\"error\":{\"message\":\"no available channel for group default and model gpt-x (request id: 1)\","
            + "\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"model_not_found\"}}";

    static final String OVERLOADED_503 = "{\"error\":{\"message\":\"upstream overloaded (request id: 2)\","
            + "\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"upstream_error\"}}";

    private Upstream() {
    }
}
