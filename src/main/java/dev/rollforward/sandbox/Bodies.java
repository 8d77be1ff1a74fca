package dev.rollforward.sandbox;

/**
 * The JSON and HTML bodies the sandbox answers with, in the dialects of REFERENCE.md
 * (OpenAI shapes, CometAPI / new-api / Portkey error envelopes). Hand-written strings:
 * no object mapper on the answer path keeps the sandbox quick to start.
 */
final class Bodies {

    private Bodies() {
    }

    static String chatCompletion(long n, String model, long created) {
        return "{\"id\":\"chatcmpl-sandbox" + pad(n) + "\",\"object\":\"chat.completion\",\"created\":" + created
                + ",\"model\":" + quote(model)
                + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\",\"refusal\":null},"
                + "\"finish_reason\":\"stop\",\"logprobs\":null}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13},"
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_sandbox\"}";
    }

    static String response(long n, String model, long createdAt) {
        return "{\"id\":\"resp_sandbox" + pad(n) + "\",\"object\":\"response\",\"created_at\":" + createdAt
                + ",\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,\"model\":" + quote(model)
                + ",\"output\":[{\"type\":\"message\",\"id\":\"msg_sandbox" + pad(n) + "\",\"status\":\"completed\","
                + "\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"ok\",\"annotations\":[]}]}],"
                + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1,\"total_tokens\":13}}";
    }

    /** Anthropic's Messages API success object. */
    static String message(long n, String model) {
        return "{\"id\":\"msg_sandbox" + pad(n) + "\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"model\":" + quote(model)
                + ",\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}";
    }

    /** Anthropic's error envelope: {@code authentication_error} for a bad key, {@code overloaded_error} with a 529. */
    static String anthropicError(String type, String message, String requestId) {
        return "{\"type\":\"error\",\"error\":{\"type\":" + quote(type) + ",\"message\":" + quote(message)
                + "},\"request_id\":" + quote(requestId) + "}";
    }

    static String models(long created) {
        return "{\"object\":\"list\",\"data\":["
                + "{\"id\":\"gpt-4o-mini\",\"object\":\"model\",\"created\":" + created + ",\"owned_by\":\"sandbox\"},"
                + "{\"id\":\"gpt-4.1-mini\",\"object\":\"model\",\"created\":" + created + ",\"owned_by\":\"sandbox\"}]}";
    }

    /** new-api's answer to an unknown or disabled token. */
    static String invalidToken(String requestId) {
        return "{\"error\":{\"code\":\"\",\"message\":" + quote("Invalid token (request id: " + requestId + ")")
                + ",\"type\":\"new_api_error\"}}";
    }

    /** A careless upstream that repeats the presented key in its error text. */
    static String invalidTokenEcho(String key, String requestId) {
        return "{\"error\":{\"code\":\"\",\"message\":"
                + quote("Invalid token " + key + " (request id: " + requestId + ")")
                + ",\"type\":\"new_api_error\"}}";
    }

    static String overloaded(String requestId) {
        return "{\"error\":{\"message\":" + quote("The upstream is overloaded (request id: " + requestId + ")")
                + ",\"type\":\"comet_api_error\",\"param\":\"\",\"code\":\"upstream_overloaded\"}}";
    }

    static String rateLimited() {
        return "{\"error\":{\"message\":\"Rate limit reached for requests on this key. Please try again in 1s.\","
                + "\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
    }

    static String quotaExhausted() {
        return "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
                + "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}";
    }

    /** Portkey rewrites the upstream's error once its own retries are used up. */
    static String portkeyExhausted() {
        return "{\"error\":{\"message\":\"openai error: upstream overloaded\"},\"provider\":\"openai\"}";
    }

    /** Portkey's answer when it cannot reach a target: its own error, no OpenAI envelope. */
    static String portkeyHtmlMessage() {
        return "{\"html-message\":\"Message: fetch failed Cause: Error: connect ECONNREFUSED 127.0.0.1:9 Name: TypeError\"}";
    }

    static String invalidUrl(String method, String path) {
        return "{\"error\":{\"message\":" + quote("Invalid URL (" + method + " " + path + ")")
                + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
    }

    static String methodNotAllowed(String method, String path) {
        return "{\"error\":{\"message\":" + quote("Method " + method + " not allowed on " + path + "; use POST")
                + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"method_not_allowed\"}}";
    }

    static String movedPermanently() {
        return "<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n"
                + "<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    }

    static String unauthorizedHtml() {
        return "<html><body><h1>401 Unauthorized</h1></body></html>";
    }

    private static String pad(long n) {
        return String.format("%06d", n);
    }

    /** A JSON string literal; the value may come from the request (model, key), so everything is escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
