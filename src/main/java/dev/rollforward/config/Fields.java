package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed, strict access to one config mapping: every read names the key path, every error
 * names file, line and key, and keys nobody reads are refused as unknown.
 */
final class Fields {

    private final String file;
    private final String path;
    private final Node node;
    private final Map<String, Node> map;

    Fields(String file, String path, Node node) throws ConfigException {
        this.file = file;
        this.path = path;
        this.node = node;
        if (!(node.value() instanceof Map)) {
            throw ConfigException.at(file, node.line(), path.isEmpty() ? "(top level)" : path,
                    "must be a mapping of keys to values, but is " + node.typeName());
        }
        @SuppressWarnings("unchecked")
        Map<String, Node> m = (Map<String, Node>) node.value();
        this.map = m;
    }

    String file() {
        return file;
    }

    int line() {
        return node.line();
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    int lineOf(String name) {
        Node n = map.get(name);
        return n == null ? node.line() : n.line();
    }

    boolean has(String name) {
        return map.containsKey(name) && map.get(name).value() != null;
    }

    /** Refuses keys outside {@code allowed}, naming the first one and what is allowed. */
    void refuseUnknown(Set<String> allowed) throws ConfigException {
        for (Map.Entry<String, Node> e : map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ConfigException.at(file, e.getValue().line(), key(e.getKey()),
                        "unknown key; allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    String requireString(String name) throws ConfigException {
        String s = optString(name);
        if (s == null || s.isBlank()) {
            throw missing(name, "a string");
        }
        return s;
    }

    String optString(String name) throws ConfigException {
        return opt(name, String.class, "a string");
    }

    /** The value as {@code type}, or null when absent or null; another type is an error naming {@code what} it must be. */
    private <T> T opt(String name, Class<T> type, String what) throws ConfigException {
        Node n = map.get(name);
        if (n == null || n.value() == null) {
            return null;
        }
        if (!type.isInstance(n.value())) {
            throw wrongType(name, n, what);
        }
        return type.cast(n.value());
    }

    boolean optBoolean(String name, boolean dflt) throws ConfigException {
        Node n = map.get(name);
        if (n == null || n.value() == null) {
            return dflt;
        }
        if (!(n.value() instanceof Boolean)) {
            throw wrongType(name, n, "true or false");
        }
        return (Boolean) n.value();
    }

    long optLong(String name, long dflt, long min, long max) throws ConfigException {
        Node n = map.get(name);
        if (n == null || n.value() == null) {
            return dflt;
        }
        if (!(n.value() instanceof Integer || n.value() instanceof Long || n.value() instanceof java.math.BigInteger)) {
            throw wrongType(name, n, "a whole number");
        }
        Number v = (Number) n.value();
        if (v instanceof java.math.BigInteger || v.longValue() < min || v.longValue() > max) {
            throw ConfigException.at(file, n.line(), key(name), "must be between " + min + " and " + max + ", not " + v);
        }
        return v.longValue();
    }

    /** true or false; absent means false. */
    boolean optBoolean(String name) throws ConfigException {
        return Boolean.TRUE.equals(opt(name, Boolean.class, "true or false"));
    }

    Fields optMapping(String name) throws ConfigException {
        Node n = map.get(name);
        return n == null || n.value() == null ? null : new Fields(file, key(name), n);
    }

    /** A mapping of string keys to string values (e.g. headers). */
    Map<String, String> optStringMap(String name) throws ConfigException {
        Fields f = optMapping(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (f != null) {
            for (String k : f.map.keySet()) {
                out.put(k, f.requireString(k));
            }
        }
        return out;
    }

    List<String> optStringList(String name, List<String> dflt) throws ConfigException {
        Node n = map.get(name);
        if (n == null || n.value() == null) {
            return dflt;
        }
        if (!(n.value() instanceof List)) {
            throw wrongType(name, n, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) n.value()) {
            Node item = (Node) o;
            if (!(item.value() instanceof String)) {
                throw ConfigException.at(file, item.line(), key(name), "must be a list of strings, but has " + item.typeName());
            }
            out.add((String) item.value());
        }
        return List.copyOf(out);
    }

    List<Node> requireList(String name) throws ConfigException {
        Node n = map.get(name);
        if (n == null || n.value() == null) {
            throw missing(name, "a list");
        }
        if (!(n.value() instanceof List)) {
            throw wrongType(name, n, "a list");
        }
        @SuppressWarnings("unchecked")
        List<Node> list = (List<Node>) n.value();
        return list;
    }

    ConfigException error(String name, String problem) {
        return ConfigException.at(file, lineOf(name), key(name), problem);
    }

    private ConfigException missing(String name, String type) {
        return ConfigException.at(file, node.line(), key(name), "missing required key (" + type + ")");
    }

    private ConfigException wrongType(String name, Node n, String type) {
        return ConfigException.at(file, n.line(), key(name), "must be " + type + ", but is " + n.typeName());
    }
}
