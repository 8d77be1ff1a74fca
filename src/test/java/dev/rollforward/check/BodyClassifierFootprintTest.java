package dev.rollforward.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Judging a body is on every check's start-up path: it reads with Jackson's streaming parser and
 * never pulls in databind (an ObjectMapper is ~300 classes and tens of milliseconds before the
 * first verdict). Proven in a class loader of its own that records what gets loaded; databind is
 * on its path, so using it would work, and show.
 */
class BodyClassifierFootprintTest {

    @Test
    void classifiesWithTheStreamingParserAlone() throws Exception {
        try (RecordingLoader loader = new RecordingLoader()) {
            Class<?> classifier = loader.loadClass(BodyClassifier.class.getName());
            for (String body : new String[] {Bodies.CHAT, Bodies.RESPONSE, Bodies.OPENAI_401, "<html>", "[1]"}) {
                classifier.getMethod("classify", byte[].class, boolean.class)
                        .invoke(null, body.getBytes(StandardCharsets.UTF_8), false);
            }

            assertThat(loader.loaded).contains(JsonFactory.class.getName())
                    .noneMatch(name -> name.startsWith("com.fasterxml.jackson.databind."));
        }
    }

    /** Loads our classes and Jackson's itself (the JDK's from the platform), noting each name. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(new URL[] {where(BodyClassifier.class), where(JsonFactory.class), where(ObjectMapper.class),
                    where(JsonProperty.class)},
                    ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            loaded.add(name);
            return super.findClass(name);
        }

        private static URL where(Class<?> c) {
            return c.getProtectionDomain().getCodeSource().getLocation();
        }
    }
}
