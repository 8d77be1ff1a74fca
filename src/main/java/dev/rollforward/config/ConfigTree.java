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
 * A file holds exactly one config: whatever follows it (a second YAML document, more JSON)
 * is refused rather than ignored, so no route can vanish unseen.
 */
final class ConfigTree {

    private static final int MAX_DEPTH = 32;
    /** Editors on Windows start UTF-8 files with one; it is not part of the text. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String file;
    private final JsonParser p;
    private final boolean yaml;

    private ConfigTree(String file, JsonParser p, boolean yaml) {
        this.file = file;
        this.p = p;
        this.yaml = yaml;
    }

    static Node parse(String file, String text) throws ConfigException {
        boolean json = isJson(file);
        JsonFactory factory = json ? new JsonFactory() : YamlFactoryHolder.FACTORY;
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() == null) {
                throw ConfigException.at(file, 0, null, "the file is empty; it needs a 'routes:' list");
            }
            ConfigTree tree = new ConfigTree(file, p, !json);
            Node root = tree.read("", 0);
            tree.refuseMore(json);
            return root;
        } catch (JsonProcessingException e) {
            throw SyntaxError.of(file, json, e);
        } catch (IOException e) {
            throw ConfigException.at(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private Node read(String path, int depth) throws IOException, ConfigException {
        int line = p.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw ConfigException.at(file, line, null, "nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
        if (yaml) {
            YamlMarks.refuse(file, p, path, line);
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    Node value = read(path.isEmpty() ? key : path + "." + key, depth + 1);
                    if (map.put(key, new Node(value.value(), keyLine)) != null) {
                        throw ConfigException.at(file, keyLine, key, "appears twice in the same mapping; keep one");
                    }
                }
                return new Node(map, line);
            }
            case START_ARRAY: {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(path + "[" + list.size() + "]", depth + 1));
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
                throw ConfigException.at(file, line, path, "has a value rollforward cannot read (such as YAML's !!binary); "
                        + "write plain text, numbers, true/false, lists and mappings");
        }
    }

    /** One config per file: anything after it would otherwise be dropped without a word. */
    private void refuseMore(boolean json) throws IOException, ConfigException {
        JsonToken next;
        try {
            next = p.nextToken();
        } catch (JsonProcessingException e) {
            next = JsonToken.NOT_AVAILABLE;
        }
        if (next == null) {
            return;
        }
        int line = next == JsonToken.NOT_AVAILABLE ? p.currentLocation().getLineNr() : p.currentTokenLocation().getLineNr();
        throw ConfigException.at(file, line, null, json
                ? "has more after the config's JSON object; a file holds one JSON object with a 'routes' list"
                : "starts a second YAML document (after a '---' line); a file holds one config: put every route in its 'routes:' list");
    }

    /** By name only: YAML reads JSON too, so a JSON config under another name still loads. */
    private static boolean isJson(String file) {
        return file.endsWith(".json");
    }

    /** Loads the YAML parser (SnakeYAML and its Jackson glue) only when a YAML file is read. */
    private static final class YamlFactoryHolder {
        static final JsonFactory FACTORY = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();
    }
}
