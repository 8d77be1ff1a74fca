package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A parser's complaint as one line a person can act on: the line where the problem is (not where the
 * last good value was) and the part of the message that says what is wrong.
 */
final class SyntaxError {

    private SyntaxError() {
    }

    static ConfigException of(String file, boolean json, JsonProcessingException e) {
        if (!json) {
            ConfigException marked = YamlProblem.of(file, e);
            if (marked != null) {
                return marked;
            }
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String message = firstLine(e.getOriginalMessage());
        if (!json && message.contains("AliasEvent")) {
            message = "a YAML alias (*name) cannot be a key; write the key out";
        }
        return ConfigException.at(file, line, null, "not valid " + (json ? "JSON" : "YAML") + ": " + message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** SnakeYAML's own exception knows where the problem is; only touched for YAML files. */
    private static final class YamlProblem {
        static ConfigException of(String file, Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblem() != null) {
                    org.yaml.snakeyaml.error.Mark mark = m.getProblemMark();
                    String problem = m.getProblem().strip();
                    String context = m.getContext() == null ? "" : " (" + m.getContext().strip() + ")";
                    String column = mark == null ? "" : " at column " + (mark.getColumn() + 1);
                    return ConfigException.at(file, mark == null ? 0 : mark.getLine() + 1, null,
                            "not valid YAML" + column + ": " + problem + context);
                }
            }
            return null;
        }
    }
}
