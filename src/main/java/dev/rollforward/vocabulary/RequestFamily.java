package dev.rollforward.vocabulary;

/** The OpenAI-compatible endpoint a route is checked through. */
public enum RequestFamily {
    CHAT("chat", "/chat/completions"),
    RESPONSES("responses", "/responses");

    private final String wire;
    private final String path;

    RequestFamily(String wire, String path) {
        this.wire = wire;
        this.path = path;
    }

    public String wire() {
        return wire;
    }

    /** Appended to the route's base URL. */
    public String path() {
        return path;
    }

    /** The family for a config value, or null when there is none by that name. */
    public static RequestFamily fromWire(String value) {
        for (RequestFamily f : values()) {
            if (f.wire.equals(value)) {
                return f;
            }
        }
        return null;
    }
}
