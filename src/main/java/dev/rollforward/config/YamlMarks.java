package dev.rollforward.config;

import dev.rollforward.vocabulary.ConfigException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * The YAML marks rollforward refuses rather than misreads. Jackson hands an alias ({@code *m}) over
 * as a string holding the anchor's name, and drops a local tag ({@code !env NAME}) keeping only the
 * text: either way the config would say something other than what its author meant.
 */
final class YamlMarks {

    /** The tags YAML itself defines ({@code !!str}, {@code !!int}, …) change nothing we read. */
    private static final String STANDARD_TAGS = "tag:yaml.org,2002:";

    private YamlMarks() {
    }

    static void refuse(String file, JsonParser parser, String path, int line) throws IOException, ConfigException {
        YAMLParser p = (YAMLParser) parser;
        String where = path.isEmpty() ? "(top level)" : path;
        if (p.isCurrentAlias()) {
            throw ConfigException.at(file, line, where, "is a YAML alias (*" + p.getText() + "); rollforward does not "
                    + "resolve anchors and aliases, so write the value out in full");
        }
        String tag = p.getTypeId();
        if (tag != null && !tag.startsWith(STANDARD_TAGS)) {
            throw ConfigException.at(file, line, where, "has the YAML tag !" + tag + ", which rollforward does not "
                    + "understand; write the plain value (secrets come from the env vars named by credential_env)");
        }
    }
}
