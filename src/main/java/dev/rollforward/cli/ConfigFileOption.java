package dev.rollforward.cli;

import dev.rollforward.config.BaseUrls;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.report.Console;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.Route;
import dev.rollforward.vocabulary.RouteFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --config FILE} and {@code --base-url URL}, for every command that reads a route config. */
final class ConfigFileOption {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Route config (YAML or JSON).")
    Path file;

    @Option(names = "--base-url", paramLabel = "URL", converter = BaseUrlValue.class,
            description = "Send every route of the config to URL instead of its base_url (e.g. a sandbox on another port); "
                    + "stderr says so, since the keys go there.")
    String baseUrl;

    /**
     * The config, a value equal to one of the environment's secrets the routes name refused; its
     * routes sent to --base-url when given: said on stderr, so a key never leaves for another host unseen.
     */
    RouteFile load(Map<String, String> env, Console console) throws ConfigException {
        RouteFile config = ConfigLoader.load(file, env);
        if (baseUrl == null) {
            return config;
        }
        Set<String> replaced = new LinkedHashSet<>();
        for (Route r : config.routes()) {
            replaced.add(r.baseUrl());
        }
        console.warning("--base-url: every route of " + config.path() + " goes to " + baseUrl + ", not to "
                + String.join(", ", replaced) + " as the config says; the keys are sent there");
        return BaseUrls.override(config, baseUrl);
    }

    /** A --base-url is held to the config's base_url rule; a bad one is a usage error (64). */
    static final class BaseUrlValue implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String url = value.strip();
            String problem = BaseUrls.problem(url);
            if (problem != null) {
                throw new OptionValues.Invalid("--base-url " + problem);
            }
            return url;
        }
    }
}
