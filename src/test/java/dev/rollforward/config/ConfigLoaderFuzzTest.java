package dev.rollforward.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.CorrelationId;
import dev.rollforward.vocabulary.Phase;
import dev.rollforward.vocabulary.RequestPlan;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import okhttp3.Request;
import java.nio.charset.StandardCharsets;

/**
 * Whatever a config file holds, loading it either gives routes that can be sent or a
 * {@link ConfigException} (exit 78, nothing sent): never another exception, never a route that
 * only fails once the request is built (exit 70).
 *
 * <p>In {@code mvn verify} these replay the committed seeds under
 * {@code src/test/resources/dev/rollforward/config/ConfigLoaderFuzzTestInputs/<method>/} (the
 * CONTRACT §2 example, config/cometapi.yaml and hostile variants) in well under a second. To fuzz
 * (one method per run; a crashing input is written next to the seeds, the working corpus to
 * {@code .cifuzz-corpus/}):
 * <pre>
 *   JAZZER_FUZZ=1 mvn -B test -Dtest='ConfigLoaderFuzzTest#yaml' -Dsurefire.failIfNoSpecifiedTests=false
 *   JAZZER_FUZZ=1 mvn -B test -Dtest='ConfigLoaderFuzzTest#json' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ConfigLoaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void yaml(byte[] input) {
        load("fuzz.yaml", input);
    }

    @FuzzTest(maxDuration = "30s")
    void json(byte[] input) {
        load("fuzz.json", input);
    }

    private static void load(String file, byte[] input) {
        RouteFile routes;
        try {
            routes = ConfigLoader.parse(file, new String(input, StandardCharsets.UTF_8));
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith(file).doesNotContain("\n");
            return;
        }
        assertThat(routes.routes()).isNotEmpty();
        for (Route r : routes.routes()) {
            // What the transport does with a route before sending: this must not be where a config fails.
            RequestPlan plan = RequestPlan.of(r, "rollforward/fuzz", CorrelationId.of("fuzz-check", r.label(), Phase.HAPPY_PATH));
            Request.Builder rb = new Request.Builder().url(plan.url());
            plan.headers().forEach(rb::header);
            r.headersEnv().keySet().forEach(name -> rb.header(name, "value-from-the-environment"));
            rb.header("Authorization", "Bearer sk-fuzz-canary-0000000000000000");
            assertThat(rb.build().url().host()).isNotEmpty();
            for (String v : r.headers().values()) {
                assertThat(Redactor.looksLikeSecret(v)).as("a secret-looking header value was accepted").isFalse();
            }
        }
    }
}
