package dev.rollforward.vocabulary;

/** What a response body turned out to be. */
public enum BodyShape {
    CHAT_COMPLETION,
    RESPONSE,
    MESSAGE,
    ERROR_ENVELOPE,
    OTHER_JSON,
    NOT_JSON,
    TOO_DEEP,
    TOO_LARGE,
    EMPTY;

    /** The shape matches the request family's success object. */
    public boolean isSuccessOf(RequestFamily family) {
        return this == family.successShape();
    }

    /** The success object of some family. */
    public boolean isSuccess() {
        for (RequestFamily f : RequestFamily.values()) {
            if (isSuccessOf(f)) {
                return true;
            }
        }
        return false;
    }
}
