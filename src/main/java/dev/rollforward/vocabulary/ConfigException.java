package dev.rollforward.vocabulary;

/** A config problem a person can fix: the message names file, line (when known) and key. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    /** {@code FILE:LINE: KEY: problem} — the line is left out when unknown (0). */
    public static ConfigException at(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        if (key != null && !key.isEmpty()) {
            sb.append(": ").append(key);
        }
        // One line, whatever a key or value from the file held (a quoted YAML key can hold a line break).
        return new ConfigException(oneLine(sb.append(": ").append(problem).toString()));
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
