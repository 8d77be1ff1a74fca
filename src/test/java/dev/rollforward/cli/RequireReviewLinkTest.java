package dev.rollforward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CONTRACT §2: with require_review_link (or --require-review-link) the ticket comes first, or nothing is sent. */
class RequireReviewLinkTest {

    private static final String TICKET = "https://tickets.example.com/ROUTE-123";

    @RegisterExtension
    final Cli cli = new Cli();

    private final MockWebServer server = cli.upstream();

    @BeforeEach
    void healthy() {
        server.setDispatcher(Upstream.healthy());
    }

    private Path requiring(RouteConfig config) {
        Path file = cli.write(config);
        try {
            java.nio.file.Files.writeString(file, "require_review_link: true\n" + java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return file;
    }

    @Test
    void aConfigThatRequiresALinkRefusesARunWithoutOneAndSendsNothing() {
        Path config = requiring(RouteConfig.at(server));
        assertThat(cli.run("check", "--config", config.toString())).isEqualTo(64);
        assertThat(cli.stderr).isEqualTo("rollforward: route primary has no review link, and require_review_link is set in "
                + config + "; create the ticket first, then pass --review-link URL or set review_link in the config."
                + " Nothing was sent\n");
        assertThat(cli.stdout).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theLinkOnTheCommandLineOrInTheConfigLetsItRun() {
        Path config = requiring(RouteConfig.at(server));
        assertThat(cli.run("check", "--config", config.toString(), "--review-link", TICKET)).isZero();
        assertThat(cli.record(2).get("review_link").asText()).isEqualTo(TICKET);

        Path linked = requiring(RouteConfig.at(server).reviewLink(TICKET));
        assertThat(cli.run("check", "--config", linked.toString())).isZero();
    }

    @Test
    void theFlagRequiresALinkWhateverTheConfigSays() {
        Path config = cli.write(RouteConfig.at(server));
        assertThat(cli.run("check", "--config", config.toString(), "--require-review-link")).isEqualTo(64);
        assertThat(cli.stderr).contains("route primary has no review link, and --require-review-link was given");
        assertThat(server.getRequestCount()).isZero();

        assertThat(cli.run("check", "--config", config.toString(), "--require-review-link", "--review-link", TICKET)).isZero();
        assertThat(cli.run("check", "--config", config.toString())).as("not required: a run without a link is fine").isZero();
    }

    @Test
    void aBlankLinkIsNoLink() {
        Path config = cli.write(RouteConfig.at(server));
        assertThat(cli.run("check", "--config", config.toString(), "--require-review-link", "--review-link", " ")).isEqualTo(64);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void requireReviewLinkMustBeTrueOrFalse() throws Exception {
        Path config = cli.write(RouteConfig.at(server));
        java.nio.file.Files.writeString(config, "require_review_link: sometimes\n" + java.nio.file.Files.readString(config));
        assertThat(cli.run("check", "--config", config.toString())).isEqualTo(78);
        assertThat(cli.stderr).contains("require_review_link").contains("must be true or false");
        assertThat(server.getRequestCount()).isZero();
    }
}
