package dev.rollforward.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rollforward.check.BodyClassifier;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.Gateway;
import dev.rollforward.vocabulary.GatewayReport;
import dev.rollforward.vocabulary.RetryPolicy;
import dev.rollforward.vocabulary.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The retry decision reads an upstream's headers (Retry-After, retry-after-ms, x-should-retry,
 * gateway retry counts) inside the OkHttp interceptor, before the evaluator sees anything: an
 * exception there would end the run as an internal error. It must never throw.
 *
 * <p>Inputs use the same "tiny HTTP response" form as {@code EvaluatorFuzzTest#evaluate}: a status
 * line, {@code name: value} header lines, a blank line, the body. Seeds in
 * {@code src/test/resources/dev/rollforward/http/RetryRulesFuzzTestInputs/onResponse/}. To fuzz:
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B test -Dtest='RetryRulesFuzzTest#onResponse' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class RetryRulesFuzzTest {

    private static final long NOW = FakePacer.START.toEpochMilli();

    @FuzzTest(maxDuration = "30s")
    void onResponse(byte[] input) {
        int split = indexOfBlankLine(input);
        String head = split < 0 ? "200" : new String(input, 0, split, StandardCharsets.UTF_8);
        byte[] body = split < 0 ? input : Arrays.copyOfRange(input, split + 2, input.length);
        String[] lines = head.split("\n", -1);
        int status = lines[0].strip().matches("\\d{1,3}") ? Integer.parseInt(lines[0].strip()) : 503;
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        String errorCode = BodyClassifier.classify(body, false).errorCode();
        for (RetryPolicy policy : new RetryPolicy[] {RetryPolicy.DEFAULT, new RetryPolicy(3, 0, 0, 0),
                new RetryPolicy(3, 60_000, 60_000, 600_000)}) {
            RetryRules.Advice advice = RetryRules.onResponse(status, headers, errorCode, policy,
                    GatewayReport.read(Gateway.PORTKEY, headers, Route.DEFAULT_GATEWAY_RETRY_HEADERS, "config.targets[0]"),
                    NOW);
            if (advice.retry() && advice.serverWaitMillis() > policy.maxRetryAfterMs()) {
                throw new AssertionError("a retry after " + advice.serverWaitMillis() + " ms, above max_retry_after_ms");
            }
            if (advice.retry() && (status == 401 || status == 403 || status < 400 && status != 408)) {
                throw new AssertionError("status " + status + " was retried");
            }
        }
    }

    private static int indexOfBlankLine(byte[] data) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == '\n' && data[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
