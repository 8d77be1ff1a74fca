package dev.rollforward.config;

import dev.rollforward.secrets.EnvSecrets;
import dev.rollforward.secrets.GeneratedToken;
import dev.rollforward.secrets.Redactor;
import dev.rollforward.vocabulary.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Secrets never live in the config: every value and mapping key is checked before anything else
 * reads the file, so no later message can echo one. A refusal names the key, never the value.
 */
final class SecretScan {

    static final String NOT_HERE = "secrets never go in the config, only the NAME of the env var that holds them";
    /** Review links may carry long document ids (a Google Docs link), and are only ever shown, never sent. */
    private static final String LINK_KEY = "review_link";

    private final String file;
    private final EnvSecrets env;

    private SecretScan(String file, EnvSecrets env) {
        this.file = file;
        this.env = env;
    }

    /** @param env the environment, to refuse values of the env vars the routes name; empty: not checked */
    static void run(String file, Node root, Map<String, String> env) throws ConfigException {
        new SecretScan(file, EnvSecrets.of(env, namedEnvVars(root))).scan(root, "", false);
    }

    private void scan(Node node, String path, boolean link) throws ConfigException {
        Object v = node.value();
        String where = path.isEmpty() ? "(top level)" : path;
        if (v instanceof String s) {
            String problem = problem(s, link);
            if (problem != null) {
                throw ConfigException.at(file, node.line(), where, problem + "; " + NOT_HERE);
            }
        } else if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = (String) e.getKey();
                Node child = (Node) e.getValue();
                String problem = problem(key, false);
                if (problem != null) {
                    throw ConfigException.at(file, child.line(), where, "has a key that " + problem + "; " + NOT_HERE);
                }
                scan(child, path.isEmpty() ? key : path + "." + key, key.equals(LINK_KEY));
            }
        } else if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                scan((Node) list.get(i), path + "[" + i + "]", false);
            }
        }
    }

    private String problem(String s, boolean link) {
        if (Redactor.looksLikeSecret(s) || !link && GeneratedToken.within(s)) {
            return "looks like a credential";
        }
        String name = env.heldBy(s);
        return name == null ? null : "holds the value of env var " + name + ", which a route names as a secret";
    }

    /** The env var names the routes give (their keys' and headers_env's), read before the routes are validated. */
    private static List<String> namedEnvVars(Node root) {
        List<String> names = new ArrayList<>();
        if (root.value() instanceof Map<?, ?> top && top.get("routes") instanceof Node routes
                && routes.value() instanceof List<?> list) {
            for (Object r : list) {
                if (((Node) r).value() instanceof Map<?, ?> route) {
                    for (String key : new String[] {"credential_env", "disabled_credential_env"}) {
                        if (route.get(key) instanceof Node n && n.value() instanceof String name) {
                            names.add(name);
                        }
                    }
                    if (route.get("headers_env") instanceof Node h && h.value() instanceof Map<?, ?> fromEnv) {
                        for (Object n : fromEnv.values()) {
                            if (((Node) n).value() instanceof String name) {
                                names.add(name);
                            }
                        }
                    }
                }
            }
        }
        return names;
    }
}
