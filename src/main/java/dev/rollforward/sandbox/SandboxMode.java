package dev.rollforward.sandbox;

/** The fault modes the sandbox upstream can play; each rehearses one row of the decision table. */
public enum SandboxMode {
    HEALTHY("healthy",
            "canary key gets a well-formed answer, any other key a JSON 401 (expect: promote)"),
    OVERLOADED("overloaded",
            "every request gets 503 upstream_overloaded, CometAPI style (expect: stay)"),
    RATE_LIMITED("rate-limited",
            "every request gets 429 rate_limit_exceeded with Retry-After: 1 (expect: hold)"),
    WRONG_SHAPE("wrong-shape",
            "canary key gets 200 with the other family's object (expect: hold)"),
    ACCEPTS_ANY_KEY("accepts-any-key",
            "every key, the disabled one too, gets a well-formed 200 (expect: stay)"),
    HANG("hang",
            "accepts each request and never answers (expect: hold after the timeout)"),
    FLAKY("flaky",
            "the first request to each path gets 503, later ones are healthy (expect: promote after one retry)"),
    QUOTA_EXHAUSTED("quota-exhausted",
            "every request gets 429 insufficient_quota, no Retry-After (expect: hold, no retry)"),
    WRONG_UPSTREAM("wrong-upstream",
            "healthy, but X-Upstream and X-Route-Label name another route (expect: stay where the route expects them)"),
    REDIRECT("redirect",
            "every request gets a 301 to another host with an HTML page (expect: hold, not followed)"),
    HTML_ERRORS("html-errors",
            "healthy for the canary key, an HTML 401 page for any other key (expect: hold)"),
    GATEWAY_RETRIES("gateway-retries",
            "a gateway that used up its own retries: 503 with x-portkey-retry-attempt-count: -1,"
                    + " and a 401 reporting x-litellm-attempted-retries: 2 (expect: stay, no resend)"),
    ECHO_KEY("echo-key",
            "healthy, but a bad key's 401 echoes the key in its body and a header (expect: promote, key redacted)"),
    GATEWAY_FELL_BACK("gateway-fell-back",
            "a gateway that silently fell back: x-portkey-last-used-option-index: config.targets[1] and the"
                    + " fallback's model (gpt-4.1-mini) in the 200 (expect: stay where the route can tell)"),
    GATEWAY_ERROR("gateway-error",
            "a gateway's own error: Portkey's 500 {\"html-message\": ...} from config.targets[1] for every request"
                    + " (expect: stay)"),

    STREAM_CUT("stream-cut",
            "healthy, but a stream stops before its end marker (expect: hold for a streaming route)"),
    STREAM_BUFFERED("stream-buffered",
            "healthy, but a gateway buffered the stream into one JSON answer (expect: hold for a streaming route)"),
    STREAM_ERROR("stream-error",
            "healthy, but a stream reports an error mid-way: an error chunk, response.failed or an error event"
                    + " (expect: stay for a streaming route)");

    private final String wire;
    private final String description;

    SandboxMode(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    /** The kebab-case name used on the command line. */
    public String wire() {
        return wire;
    }

    /** One line for --help. */
    public String description() {
        return description;
    }

    /** The mode with this wire name (case-insensitive, surrounding blanks ignored), or null when unknown. */
    public static SandboxMode fromWire(String s) {
        if (s == null) {
            return null;
        }
        String wanted = s.trim();
        for (SandboxMode mode : values()) {
            if (mode.wire.equalsIgnoreCase(wanted)) {
                return mode;
            }
        }
        return null;
    }
}
