package dev.rollforward.config;

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
        return new ConfigException(sb.append(": ").append(problem).toString());
    }
}
