package dev.rollforward.check;

/**
 * Streams in the upstreams' own dialects (REFERENCE.md: OpenAI chat and responses streaming,
 * Anthropic's Messages events), whole and in the ways gateways break them.
 */
public final class StreamBodies {

    /** Chat: chunks, a usage chunk with no choices, then {@code [DONE]}. 5 events. */
    public static final String CHAT = ""
            + "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1764215045,\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1764215045,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":null}],\"obfuscation\":\"x\"}\n\n"
            + "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1764215045,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1764215045,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}\n\n"
            + "data: [DONE]\n\n";

    /** Chat whose gateway put an error chunk in the stream. */
    public static final String CHAT_ERROR = ""
            + "data: {\"id\":\"chatcmpl-s1\",\"object\":\"chat.completion.chunk\",\"created\":1764215045,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"
            + "data: {\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\",\"param\":null,\"code\":\"overloaded\"}}\n\n";

    /** Responses: typed events from response.created to response.completed. 6 events. */
    public static final String RESPONSES = ""
            + "event: response.created\n"
            + "data: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"created_at\":1764215045,\"status\":\"in_progress\",\"error\":null,\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[],\"usage\":null}}\n\n"
            + "event: response.in_progress\n"
            + "data: {\"type\":\"response.in_progress\",\"sequence_number\":1,\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[]}}\n\n"
            + "event: response.output_item.added\n"
            + "data: {\"type\":\"response.output_item.added\",\"sequence_number\":2,\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"in_progress\",\"content\":[],\"role\":\"assistant\"}}\n\n"
            + "event: response.output_text.delta\n"
            + "data: {\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"delta\":\"ok\"}\n\n"
            + "event: response.output_text.done\n"
            + "data: {\"type\":\"response.output_text.done\",\"sequence_number\":4,\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0,\"text\":\"ok\"}\n\n"
            + "event: response.completed\n"
            + "data: {\"type\":\"response.completed\",\"sequence_number\":5,\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"created_at\":1764215045,\"status\":\"completed\",\"error\":null,\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[{\"id\":\"msg_1\",\"type\":\"message\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\",\"text\":\"ok\",\"annotations\":[]}]}],\"usage\":{\"input_tokens\":12,\"output_tokens\":1,\"total_tokens\":13}}}\n\n";

    /** Responses that stopped at max_output_tokens: still a whole stream. */
    public static final String RESPONSES_INCOMPLETE = RESPONSES.substring(0, RESPONSES.indexOf("event: response.completed"))
            + "event: response.incomplete\n"
            + "data: {\"type\":\"response.incomplete\",\"sequence_number\":5,\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"error\":null,\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[],\"usage\":{\"input_tokens\":12,\"output_tokens\":16,\"total_tokens\":28}}}\n\n";

    /** Responses that failed after it started. */
    public static final String RESPONSES_FAILED = RESPONSES.substring(0, RESPONSES.indexOf("event: response.output_item.added"))
            + "event: response.failed\n"
            + "data: {\"type\":\"response.failed\",\"sequence_number\":2,\"response\":{\"id\":\"resp_s1\",\"object\":\"response\",\"status\":\"failed\",\"error\":{\"code\":\"server_error\",\"message\":\"The model failed.\"},\"model\":\"gpt-4o-mini-2024-07-18\",\"output\":[]}}\n\n";

    /** Messages: message_start to message_stop, with a ping. 7 events. */
    public static final String MESSAGES = ""
            + "event: message_start\n"
            + "data: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01s1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-3-5-haiku-20241022\",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\n"
            + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: ping\n"
            + "data: {\"type\": \"ping\"}\n\n"
            + "event: content_block_delta\n"
            + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}\n\n"
            + "event: content_block_stop\n"
            + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\n"
            + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}\n\n"
            + "event: message_stop\n"
            + "data: {\"type\":\"message_stop\"}\n\n";

    /** Messages with Anthropic's overloaded error mid-stream. */
    public static final String MESSAGES_ERROR = MESSAGES.substring(0, MESSAGES.indexOf("event: content_block_delta"))
            + "event: error\n"
            + "data: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n";

    /** A Messages success object, as a non-streaming route gets it. */
    public static final String MESSAGE = "{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"model\":\"claude-3-5-haiku-20241022\","
            + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}";

    /** Anthropic's error envelope for a bad key. */
    public static final String MESSAGES_401 = "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
            + "\"message\":\"invalid x-api-key\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}";

    /** Anthropic's overload, the status a 529 carries. */
    public static final String MESSAGES_529 = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
            + "\"message\":\"Overloaded\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fz\"}";

    private StreamBodies() {
    }

    /** The stream cut before its last event (its end marker). */
    public static String cut(String stream) {
        String body = stream.substring(0, stream.length() - 2);
        return body.substring(0, body.lastIndexOf("\n\n") + 2);
    }
}
