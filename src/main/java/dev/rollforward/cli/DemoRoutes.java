package dev.rollforward.cli;

import dev.rollforward.config.BaseUrls;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RouteFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo's config: {@code demo.yaml} beside this class (six routes: each family, plain and
 * streaming), read by the loader a check uses and sent to the sandbox the way {@code --base-url} does.
 */
final class DemoRoutes {

    static final String SOURCE = "demo (built in)";

    private DemoRoutes() {
    }

    static RouteFile of(String sandboxBaseUrl) throws ConfigException {
        return BaseUrls.override(ConfigLoader.parse(SOURCE, text()), sandboxBaseUrl);
    }

    private static String text() {
        try (InputStream in = DemoRoutes.class.getResourceAsStream("demo.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the jar's demo.yaml cannot be read", e);
        }
    }
}
