package dev.rollforward.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InvocationTest {

    @Test
    void aCheckoutFileIsRelativeInTheCheckoutAndAbsoluteElsewhere() {
        Path here = Path.of("").toAbsolutePath();
        assertThat(new Invocation("bin/rollforward", here).checkoutFile("config/sandbox.yaml")).isEqualTo("config/sandbox.yaml");
        assertThat(new Invocation("rollforward", null).checkoutFile("config/sandbox.yaml")).isEqualTo("config/sandbox.yaml");
        assertThat(new Invocation("rollforward", Path.of("/opt/rollforward")).checkoutFile("config/sandbox.yaml"))
                .isEqualTo("/opt/rollforward/config/sandbox.yaml");
        assertThat(new Invocation("rollforward", Path.of("/opt/roll forward")).checkoutFile("config/sandbox.yaml"))
                .isEqualTo("'/opt/roll forward/config/sandbox.yaml'");
    }

    @Test
    void aShellWordIsQuotedOnlyWhenItMustBe() {
        assertThat(Invocation.shellWord("bin/rollforward")).isEqualTo("bin/rollforward");
        assertThat(Invocation.shellWord("it's here")).isEqualTo("'it'\\''s here'");
    }
}
