package dev.rollforward.config;

/**
 * A parsed config value with the line it started on, so every error can point at it.
 * {@code value} is a {@code Map<String, Node>}, a {@code List<Node>}, a String, a Number,
 * a Boolean, or null.
 */
record Node(Object value, int line) {

    String typeName() {
        if (value == null) {
            return "null";
        } else if (value instanceof java.util.Map) {
            return "a mapping";
        } else if (value instanceof java.util.List) {
            return "a list";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        }
        return "a boolean";
    }
}
