package dev.rollforward.cli;

import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RouteFile;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --config FILE}, for every command that reads a route config. */
final class ConfigFileOption {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Route config (YAML or JSON).")
    Path file;

    /** Loads the file; a value equal to one of the environment's secrets the routes name is refused. */
    RouteFile load(Map<String, String> env) throws ConfigException {
        return ConfigLoader.load(file, env);
    }
}
