package dev.rollforward.http.proxy;

import dev.rollforward.vocabulary.ConfigException;
import java.util.Map;

/**
 * The environment read the way curl reads its proxy variables: of each pair the lower-case name
 * wins, even when it is set to "" and so hides the upper-case one.
 */
final class ProxyVariables {

    private final Map<String, String> env;

    ProxyVariables(Map<String, String> env) {
        this.env = env;
    }

    /** The proxy the first set of the two variables names; null when neither is set or it is blank. */
    ProxyUrl proxy(String lower, String upper) throws ConfigException {
        String variable = firstSet(lower, upper);
        if (variable == null || env.get(variable).isBlank()) {
            return null;
        }
        return ProxyUrl.parse(variable, env.get(variable));
    }

    /** The value of the first set of the two variables; "" when neither is set. */
    String value(String lower, String upper) {
        String variable = firstSet(lower, upper);
        return variable == null ? "" : env.get(variable);
    }

    private String firstSet(String lower, String upper) {
        if (env.get(lower) != null) {
            return lower;
        }
        return env.get(upper) != null ? upper : null;
    }
}
