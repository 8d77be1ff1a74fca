package dev.rollforward.cli;

import dev.rollforward.check.Bodies;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** How a test upstream answers: by the key it was sent, with JSON bodies from {@link Bodies}. */
final class Upstream {

    static final String REQUEST_ID = "req_123";

    private Upstream() {
    }

    static Dispatcher answering(Function<RecordedRequest, MockResponse> answer) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer.apply(request);
            }
        };
    }

    /** The canary key gets a chat completion, any other key a JSON 401: a route that promotes. */
    static Dispatcher healthy() {
        return answering(r -> canary(r) ? json(200, Bodies.CHAT) : json(401, Bodies.NEW_API_401));
    }

    static boolean canary(RecordedRequest r) {
        return ("Bearer " + Cli.CANARY).equals(r.getHeaders().get("Authorization"));
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", REQUEST_ID).body(body).build();
    }
}
