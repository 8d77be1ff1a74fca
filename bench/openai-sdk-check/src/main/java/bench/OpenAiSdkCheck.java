package bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponseFor;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A peer of rollforward for bench/run.sh: the two requests of a one-route check (canary key, then a
 * disabled key) written the way a Java user would, with the official OpenAI Java SDK, and judged
 * as bench/curl-check.sh judges them. One JSON verdict line on stdout; exit 0 promote, 1 stay, 2 hold.
 *
 * <p>usage: java -jar openai-sdk-check.jar BASE_URL   (env as curl-check.sh: CANARY_KEY_ENV, ROUTE_LABEL, REQUEST_MS)
 */
public final class OpenAiSdkCheck {

    public static void main(String[] args) {
        String base = args[0];
        String keyEnv = System.getenv().getOrDefault("CANARY_KEY_ENV", "ROLLFORWARD_SANDBOX_KEY");
        String key = System.getenv(keyEnv);
        String label = System.getenv().getOrDefault("ROUTE_LABEL", "sandbox-chat");
        long requestMs = Long.parseLong(System.getenv().getOrDefault("REQUEST_MS", "5000"));
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String disabled = "sk-disabled-" + HexFormat.of().formatHex(random);

        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addUserMessage("Reply with the single word: ok")
                .maxTokens(16)
                .build();
        String decision = "promote";
        List<String> reasons = new ArrayList<>();
        int happyStatus;
        int errorStatus;

        OpenAIClient canary = client(base, key, label, requestMs);
        OpenAIClient wrong = client(base, disabled, label, requestMs);
        try {
            HttpResponseFor<ChatCompletion> happy = canary.chat().completions().withRawResponse().create(params);
            happyStatus = happy.statusCode();
            if (!isChatCompletion(happy)) {
                decision = "hold";
                reasons.add("unexpected_shape");
            } else if (!List.of("sandbox").equals(happy.headers().values("X-Upstream"))
                    || !List.of(label).equals(happy.headers().values("X-Route-Label"))) {
                decision = "stay";
                reasons.add("unexpected_upstream");
            }
        } catch (OpenAIServiceException e) {
            happyStatus = e.statusCode();
            int s = happyStatus;
            decision = s >= 500 || !(s / 100 == 3 || s == 401 || s == 403 || s == 408 || s == 429) ? "stay" : "hold";
            reasons.add("http_" + s);
        } catch (OpenAIIoException e) {
            happyStatus = 0;
            decision = "hold";
            reasons.add("no_response");
        }

        try {
            errorStatus = wrong.chat().completions().withRawResponse().create(params).statusCode();
            decision = worse(decision, "stay");
            reasons.add("error_path:disabled_credential_accepted");
        } catch (OpenAIServiceException e) {
            errorStatus = e.statusCode();
            if (errorStatus == 401 || errorStatus == 403) {
                if (!isJsonError(e.body())) {
                    decision = worse(decision, "hold");
                    reasons.add("error_path:not_json_error");
                }
            } else {
                decision = worse(decision, errorStatus >= 500 ? "stay" : "hold");
                reasons.add("error_path:http_" + errorStatus);
            }
        } catch (OpenAIIoException e) {
            errorStatus = 0;
            decision = worse(decision, "hold");
            reasons.add("error_path:http_000");
        }

        StringBuilder line = new StringBuilder("{\"record\":\"verdict\",\"route_label\":\"").append(label)
                .append("\",\"fallback_decision\":\"").append(decision)
                .append("\",\"http_status\":").append(happyStatus)
                .append(",\"error_path_status\":").append(errorStatus).append(",\"reasons\":[");
        for (int i = 0; i < reasons.size(); i++) {
            line.append(i == 0 ? "\"" : ",\"").append(reasons.get(i)).append('"');
        }
        System.out.println(line.append("]}"));
        System.exit(decision.equals("promote") ? 0 : decision.equals("stay") ? 1 : 2);
    }

    private static OpenAIClient client(String base, String key, String label, long requestMs) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(base)
                .apiKey(key)
                .putHeader("X-Route-Label", label)
                .timeout(Duration.ofMillis(requestMs))
                .maxRetries(0) // as curl-check.sh: no resends
                .build();
    }

    private static boolean isChatCompletion(HttpResponseFor<ChatCompletion> response) {
        try {
            ChatCompletion c = response.parse().validate();
            return JsonValue.from("chat.completion").equals(c._object_()) && !c.id().isEmpty() && !c.choices().isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isJsonError(JsonValue body) {
        Object object = body.asObject().orElse(null);
        return object instanceof Map<?, ?> map && (map.containsKey("error") || map.containsKey("message"));
    }

    private static String worse(String current, String next) {
        if (current.equals("stay") || next.equals("stay")) {
            return "stay";
        }
        return current.equals("hold") || next.equals("hold") ? "hold" : "promote";
    }
}
