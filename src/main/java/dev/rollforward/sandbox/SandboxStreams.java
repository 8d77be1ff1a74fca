package dev.rollforward.sandbox;

import static dev.rollforward.sandbox.Bodies.quote;

import dev.rollforward.vocabulary.RequestFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams the sandbox answers a {@code "stream": true} request with, one list of SSE events
 * per family in its upstream's dialect (REFERENCE.md): whole, cut before the end marker, or with
 * an error in the middle.
 */
final class SandboxStreams {

    private SandboxStreams() {
    }

    /** The whole stream, end marker included. */
    static List<String> whole(RequestFamily family, long n, String model, long now) {
        return switch (family) {
            case CHAT -> chat(n, model, now);
            case RESPONSES -> responses(n, model, now);
            case MESSAGES -> messages(n, model);
        };
    }

    /** The stream without its end marker: a gateway or proxy that dropped the connection early. */
    static List<String> cut(RequestFamily family, long n, String model, long now) {
        List<String> events = whole(family, n, model, now);
        return events.subList(0, events.size() - 1);
    }

    /** The first events, then the error each family reports mid-stream. */
    static List<String> failing(RequestFamily family, long n, String model, long now) {
        List<String> events = new ArrayList<>(whole(family, n, model, now).subList(0, 2));
        events.add(switch (family) {
            case CHAT -> data("{\"error\":{\"message\":\"The upstream is overloaded\",\"type\":\"server_error\","
                    + "\"param\":null,\"code\":\"upstream_overloaded\"}}");
            case RESPONSES -> event("response.failed", "{\"type\":\"response.failed\",\"sequence_number\":2,"
                    + "\"response\":{\"id\":\"resp_sandbox" + n + "\",\"object\":\"response\",\"status\":\"failed\","
                    + "\"error\":{\"code\":\"server_error\",\"message\":\"The model failed.\"},\"model\":" + quote(model)
                    + ",\"output\":[]}}");
            case MESSAGES -> event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                    + "\"message\":\"Overloaded\"}}");
        });
        return events;
    }

    private static List<String> chat(long n, String model, long now) {
        String head = "{\"id\":\"chatcmpl-sandbox" + n + "\",\"object\":\"chat.completion.chunk\",\"created\":" + now
                + ",\"model\":" + quote(model) + ",\"system_fingerprint\":\"fp_sandbox\",\"choices\":";
        return List.of(
                data(head + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}"),
                data(head + "[{\"index\":0,\"delta\":{\"content\":\"ok\"},\"finish_reason\":null}]}"),
                data(head + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}"),
                data("[DONE]"));
    }

    private static List<String> responses(long n, String model, long now) {
        String response = "{\"id\":\"resp_sandbox" + n + "\",\"object\":\"response\",\"created_at\":" + now
                + ",\"error\":null,\"model\":" + quote(model) + ",";
        return List.of(
                event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                        + response + "\"status\":\"in_progress\",\"output\":[],\"usage\":null}}"),
                event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"sequence_number\":1,"
                        + "\"item_id\":\"msg_sandbox" + n + "\",\"output_index\":0,\"content_index\":0,\"delta\":\"ok\"}"),
                event("response.output_text.done", "{\"type\":\"response.output_text.done\",\"sequence_number\":2,"
                        + "\"item_id\":\"msg_sandbox" + n + "\",\"output_index\":0,\"content_index\":0,\"text\":\"ok\"}"),
                event("response.completed", "{\"type\":\"response.completed\",\"sequence_number\":3,\"response\":"
                        + response + "\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"id\":\"msg_sandbox" + n
                        + "\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                        + "\"text\":\"ok\",\"annotations\":[]}]}],"
                        + "\"usage\":{\"input_tokens\":12,\"output_tokens\":1,\"total_tokens\":13}}}"));
    }

    private static List<String> messages(long n, String model) {
        return List.of(
                event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_sandbox" + n
                        + "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":" + quote(model)
                        + ",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":1}}}"),
                event("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,"
                        + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"),
                event("ping", "{\"type\": \"ping\"}"),
                event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"ok\"}}"),
                event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"),
                event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                        + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}"),
                event("message_stop", "{\"type\":\"message_stop\"}"));
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    private static String data(String data) {
        return "data: " + data + "\n\n";
    }
}
