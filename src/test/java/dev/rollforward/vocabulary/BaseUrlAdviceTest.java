package dev.rollforward.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseUrlAdviceTest {

    private static Route route(String baseUrl, RequestFamily family) {
        return new Route("r", baseUrl, family, "gpt-4o-mini", Route.DEFAULT_PROMPT, Route.DEFAULT_MAX_OUTPUT_TOKENS,
                "K", null, Map.of(), Map.of(), Gateway.NONE, new Expectations("h", null, null, null, "r", null), List.of(), Timeouts.DEFAULT,
                RetryPolicy.DEFAULT, null, false, 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://api.cometapi.com/v1                      | chat
            https://api.cometapi.com/v1/                     | responses
            https://openrouter.ai/api/v1                     | chat
            https://generativelanguage.googleapis.com/v1beta/openai/ | chat
            http://127.0.0.1:4000/v2                         | chat
            """)
    void anApiRootWithAVersionNeedsNoAdvice(String baseUrl, String family) {
        assertThat(BaseUrlAdvice.of(route(baseUrl, RequestFamily.fromWire(family)))).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://api.cometapi.com/v1/chat/completions  | chat      | base_url ends with /chat/completions, which rollforward adds itself (requests would go to https://api.cometapi.com/v1/chat/completions/chat/completions): use base_url https://api.cometapi.com/v1
            https://api.cometapi.com/v1/responses/        | responses | base_url ends with /responses, which rollforward adds itself (requests would go to https://api.cometapi.com/v1/responses/responses): use base_url https://api.cometapi.com/v1
            https://gw.example.com/chat/completions       | responses | base_url ends with /chat/completions, which rollforward adds itself (requests would go to https://gw.example.com/chat/completions/responses): use base_url https://gw.example.com/v1
            https://api.cometapi.com                      | chat      | base_url has no version segment such as /v1, so requests go to https://api.cometapi.com/chat/completions; OpenAI-compatible gateways serve /chat/completions under /v1: use base_url https://api.cometapi.com/v1
            http://127.0.0.1:8787/                        | responses | base_url has no version segment such as /v1, so requests go to http://127.0.0.1:8787/responses; OpenAI-compatible gateways serve /responses under /v1: use base_url http://127.0.0.1:8787/v1
            """)
    void aLikelyTypoSaysWhereRequestsWouldGoAndWhatToWrite(String baseUrl, String family, String advice) {
        assertThat(BaseUrlAdvice.of(route(baseUrl, RequestFamily.fromWire(family)))).isEqualTo(advice);
    }
}
