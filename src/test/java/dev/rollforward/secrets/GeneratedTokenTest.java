package dev.rollforward.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Keys without a telling prefix are found by their shape; ordinary config values are not. */
class GeneratedTokenTest {

    private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @ParameterizedTest
    @ValueSource(strings = {
            "fAkE0tEsT1kEy2NoT3rEaL4x",                               // 24, the shortest kind
            "Fake0Test1Key2For3Tests4Only5Never6Real",                // 40
            "x-gateway: fAkE0tEsT1kEy2NoT3rEaL4xYz",                  // inside a header value
            "https://gw.example.com/v1/fAkE0tEsT1kEy2NoT3rEaL4x/chat", // a URL path segment
            "hf_fAkE0tEsT1kEy2NoT3rEaL4xYz9",                         // a prefix we do not know
            "fAkEtEsTkEyNoTrEaLoNlYfOrTeStSxYzW"})                     // 34 letters, no digit
    void findsRandomLookingRunsAnywhereInAValue(String value) {
        assertThat(GeneratedToken.within(value)).isTrue();
    }

    @Test
    void findsRandomBase62KeysOf32AndMore() {
        Random random = new Random(20261127L);
        for (int i = 0; i < 500; i++) {
            int length = 32 + random.nextInt(33);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < length; j++) {
                sb.append(BASE62.charAt(random.nextInt(BASE62.length())));
            }
            assertThat(GeneratedToken.within(sb.toString())).as(sb.toString()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "gpt-4o-mini", "gpt-4o-mini-2024-07-18", "claude-3-5-sonnet-20241022",
            "anthropic.claude-3-5-sonnet-20241022-v2:0", "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo",
            "Qwen/Qwen2.5-72B-Instruct", "accounts/fireworks/models/llama-v3p1-70b-instruct",
            "cometapi-primary", "sandbox-responses", "ROUTE-123",
            "123e4567-e89b-12d3-a456-426614174000",                                   // a request id
            "https://gateway.ai.cloudflare.com/v1/023e105f4ecef8ad9ca31a8372d0c353/my-gateway/openai", // account id
            "3a7bd3e2360a3d29eea436fcfb7e44c735d117c4",                                // a commit
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",                 // traceparent
            "MyGatewayRoute2024Primary", "PaymentsTeamRoute2024", "20261127T030405Z",
            "Reply with the single word: ok", "COMETAPI_CANARY_KEY", "x-litellm-attempted-retries"})
    void leavesNamesIdsAndHexAlone(String value) {
        assertThat(GeneratedToken.within(value)).isFalse();
    }
}
