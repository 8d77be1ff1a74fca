package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML or JSON into {@link Node}s that remember their line. Jackson's own tree
 * forgets locations, and a config error without a line number is a 3 a.m. guessing game.
 */
final class ConfigTree {

    private static final int MAX_DEPTH = 32;

    private ConfigTree() {
    }

    static Node parse(String file, String text) throws ConfigException {
        JsonFactory factory = isJson(file, text) ? new JsonFactory() : YamlFactoryHolder.FACTORY;
        try (JsonParser p = factory.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw ConfigException.at(file, 0, null, "the file is empty; it needs a 'routes:' list");
            }
            return read(file, p, 0);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw ConfigException.at(file, line, null, "not valid " + (factory == YamlFactoryHolder.FACTORY ? "YAML" : "JSON")
                    + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw ConfigException.at(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private static Node read(String file, JsonParser p, int depth) throws IOException, ConfigException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw ConfigException.at(file, line, null, "nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node value = read(file, p, depth + 1);
                    if (map.put(key, new Node(value.value(), keyLine)) != null) {
                        throw ConfigException.at(file, keyLine, key, "appears twice in the same mapping; keep one");
                    }
                }
                return new Node(map, line);
            }
            case START_ARRAY: {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(file, p, depth + 1));
                }
                return new Node(list, line);
            }
            case VALUE_STRING:
                return new Node(p.getText(), line);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node(p.getNumberValue(), line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node(p.getBooleanValue(), line);
            case VALUE_NULL:
                return new Node(null, line);
            default:
                throw ConfigException.at(file, line, null, "unsupported value " + t);
        }
    }

    /** By name only: YAML reads JSON too, so a JSON config under another name still loads. */
    private static boolean isJson(String file, String text) {
        return file.endsWith(".json");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    /** Loads the YAML parser (SnakeYAML and its Jackson glue) only when a YAML file is read. */
    private static final class YamlFactoryHolder {
        static final JsonFactory FACTORY = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
    }
}
