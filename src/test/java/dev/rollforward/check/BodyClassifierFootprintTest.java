package dev.rollforward.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rollforward.ClassLoadRecorder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Judging a body is on every check's start-up path: it reads with Jackson's streaming parser and
 * never pulls in databind (an ObjectMapper is ~300 classes and tens of milliseconds before the
 * first verdict). databind is on the recording loader's path, so using it would work, and show.
 */
class BodyClassifierFootprintTest {

    @Test
    void classifiesWithTheStreamingParserAlone() throws Exception {
        try (ClassLoadRecorder loader = new ClassLoadRecorder(BodyClassifier.class, JsonFactory.class,
                ObjectMapper.class, JsonProperty.class)) {
            Class<?> classifier = loader.loadClass(BodyClassifier.class.getName());
            for (String body : new String[] {Bodies.CHAT, Bodies.RESPONSE, Bodies.OPENAI_401, "<html>", "[1]"}) {
                classifier.getMethod("classify", byte[].class, boolean.class)
                        .invoke(null, body.getBytes(StandardCharsets.UTF_8), false);
            }

            assertThat(loader.loaded()).contains(JsonFactory.class.getName())
                    .noneMatch(name -> name.startsWith("com.fasterxml.jackson.databind."));
        }
    }
}
