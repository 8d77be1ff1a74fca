package dev.rollforward.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RouteFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT §2: a file holds one config, read as YAML or JSON define it. Nothing after it is
 * dropped without a word, no YAML mark is misread, and a parser's complaint points at its line.
 */
class ConfigLoaderOneConfigTest {

    static final String HEAD = ConfigLoaderErrorsTest.HEAD;

    static final String JSON = "{\"routes\": [{\"label\": \"primary\", \"base_url\": \"https://api.cometapi.com/v1\",\n"
            + "  \"request_family\": \"chat\", \"model\": \"gpt-4o-mini\", \"credential_env\": \"COMETAPI_CANARY_KEY\"}]}";

    @TempDir
    Path dir;

    private static ConfigException refused(String file, String text) {
        try {
            ConfigLoader.parse(file, text);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("accepted: " + text);
    }

    // ---- one config per file ----

    @Test
    void aSecondYamlDocumentIsRefusedNotDropped() {
        String second = "---\nroutes:\n  - label: second\n";

        assertThat(refused("test.yaml", HEAD + second).getMessage())
                .startsWith("test.yaml:9: starts a second YAML document (after a '---' line)")
                .contains("put every route in its 'routes:' list");
    }

    @Test
    void anEmptySecondDocumentIsASecondDocumentToo() {
        assertThat(refused("test.yaml", HEAD + "---\n").getMessage()).contains("starts a second YAML document");
    }

    @Test
    void aLeadingDocumentMarkerAndAnEndMarkerAreOneDocument() throws Exception {
        assertThat(ConfigLoader.parse("test.yaml", "---\n" + HEAD + "...\n").routes()).hasSize(1);
    }

    @Test
    void anythingAfterTheJsonObjectIsRefused() {
        assertThat(refused("routes.json", JSON + "\n{\"routes\": []}").getMessage())
                .startsWith("routes.json:3: has more after the config's JSON object");
        assertThat(refused("routes.json", JSON + " trailing").getMessage())
                .startsWith("routes.json:2: has more after the config's JSON object");
        assertThat(refused("routes.json", JSON + "}").getMessage()).contains("has more after the config's JSON object");
    }

    @Test
    void whitespaceAfterTheJsonObjectIsFine() throws Exception {
        assertThat(ConfigLoader.parse("routes.json", JSON + "\n\n  \n").routes()).hasSize(1);
    }

    // ---- YAML marks ----

    @Test
    void anAliasIsRefusedNeverReadAsItsName() {
        String yaml = "x-model: &m gpt-4o-mini\n" + HEAD.replace("model: gpt-4o-mini", "model: *m");

        ConfigException e = refused("test.yaml", yaml);

        assertThat(e.getMessage()).startsWith("test.yaml:7: routes[0].model: is a YAML alias (*m)")
                .contains("write the value out");
    }

    @Test
    void anAliasToAMappingIsRefusedToo() {
        String yaml = HEAD + "    retry: &r {max_retries: 1}\n"
                + "  - label: second\n    base_url: https://api.cometapi.com/v1\n    request_family: chat\n"
                + "    model: gpt-4o-mini\n    credential_env: COMETAPI_CANARY_KEY\n    retry: *r\n";

        assertThat(refused("test.yaml", yaml).getMessage()).startsWith("test.yaml:14: routes[1].retry: is a YAML alias (*r)");
    }

    @Test
    void anAliasAsAKeyIsRefusedInWords() {
        assertThat(refused("test.yaml", "x: &k model\n*k : gpt\n").getMessage())
                .contains("not valid YAML").contains("alias").doesNotContain("org.yaml");
    }

    @Test
    void anAnchorWithoutAnAliasChangesNothing() throws Exception {
        RouteFile f = ConfigLoader.parse("test.yaml", HEAD.replace("model: gpt-4o-mini", "model: &m gpt-4o-mini"));

        assertThat(f.routes().get(0).model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aLocalTagIsRefusedRatherThanDropped() {
        assertThat(refused("test.yaml", HEAD.replace("credential_env: COMETAPI_CANARY_KEY", "credential_env: !env COMETAPI_CANARY_KEY"))
                .getMessage()).startsWith("test.yaml:7: routes[0].credential_env: has the YAML tag !env");
    }

    @Test
    void yamlsOwnTagsAreRead() throws Exception {
        RouteFile f = ConfigLoader.parse("test.yaml", HEAD.replace("model: gpt-4o-mini", "model: !!str gpt-4o-mini"));

        assertThat(f.routes().get(0).model()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void aBinaryValueIsRefusedInWords() {
        assertThat(refused("test.yaml", HEAD.replace("model: gpt-4o-mini", "model: !!binary aGVsbG8=")).getMessage())
                .startsWith("test.yaml:6: routes[0].model: has a value rollforward cannot read");
    }

    // ---- byte order mark, encoding, syntax messages ----

    @Test
    void aJsonConfigWithAByteOrderMarkIsAccepted() throws Exception {
        assertThat(ConfigLoader.parse("routes.json", "\uFEFF" + JSON).routes()).hasSize(1);
        assertThat(ConfigLoader.parse("test.yaml", "\uFEFF" + HEAD).routes()).hasSize(1);
    }

    @Test
    void aJsonFileWithAByteOrderMarkLoads() throws Exception {
        Path p = dir.resolve("routes.json");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = JSON.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        Files.write(p, all);

        assertThat(ConfigLoader.load(p).routes()).hasSize(1);
    }

    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        Path p = dir.resolve("routes.yaml");
        Files.write(p, HEAD.getBytes(StandardCharsets.UTF_16));

        assertThatThrownBy(() -> ConfigLoader.load(p)).isInstanceOf(ConfigException.class)
                .hasMessage(p + ": is not UTF-8 text; save it as UTF-8 (YAML and JSON configs are UTF-8)");
    }

    @Test
    void aTabIsReportedOnItsOwnLineWithWhatIsWrong() {
        String yaml = HEAD + "    headers:\n\tX-Route-Label: x\n";

        assertThat(refused("test.yaml", yaml).getMessage())
                .startsWith("test.yaml:9: not valid YAML at column 1: ")
                .contains("found character '\\t(TAB)' that cannot start any token")
                .contains("Do not use \\t(TAB) for indentation");
    }

    @Test
    void aYamlSyntaxErrorKeepsWhatIsWrong() {
        assertThat(refused("test.yaml", HEAD + "    prompt: 'unclosed\n").getMessage())
                .startsWith("test.yaml:")
                .contains("not valid YAML")
                .contains("found unexpected end of stream")
                .contains("while scanning a quoted scalar");
    }
}
