package dev.rollforward.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rollforward.ClassLoadRecorder;
import java.util.List;
import kotlin.Unit;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Every check loads its config and digests each route before anything is sent: both stay on
 * Jackson's streaming API, so databind (~300 classes, tens of milliseconds of start-up) is never
 * loaded for them. It is on the recording loader's path, so using it would work, and show.
 */
class ConfigFootprintTest {

    @Test
    void loadingAConfigAndDigestingItsRoutesNeedsNoDatabind() throws Exception {
        try (ClassLoadRecorder loader = new ClassLoadRecorder(ConfigLoader.class, JsonFactory.class, YAMLFactory.class,
                LoaderOptions.class, HttpUrl.class, Unit.class, Buffer.class, ObjectMapper.class, JsonProperty.class)) {
            Object file = loader.loadClass(ConfigLoader.class.getName()).getMethod("parse", String.class, String.class)
                    .invoke(null, "routes.yaml", RouteDigestTest.ROUTE);
            List<?> routes = (List<?>) file.getClass().getMethod("routes").invoke(file);
            Class<?> route = loader.loadClass("dev.rollforward.vocabulary.Route");
            Object digest = loader.loadClass(RouteDigest.class.getName()).getMethod("of", route).invoke(null, routes.get(0));

            assertThat(digest).asString().startsWith("sha256:");
            assertThat(loader.loaded()).contains(YAMLFactory.class.getName())
                    .noneMatch(name -> name.startsWith("com.fasterxml.jackson.databind."));
        }
    }
}
