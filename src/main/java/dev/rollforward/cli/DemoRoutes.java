package dev.rollforward.cli;

import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.vocabulary.RequestFamily;
import dev.rollforward.vocabulary.RouteFile;

/**
 * The demo's config: a chat, a responses and a messages route through the sandbox, then the same three
 * streaming, each expecting the sandbox's marks and the model asked for (so a silent fallback to another
 * model is caught, whatever the gateway): one family, or its plain form, is no proof for another.
 * Written as a config and read by the loader a check uses, so that the demo rehearses that too, and a
 * start-up archive trained on the demo (bin/rollforward) holds a check's config path.
 */
final class DemoRoutes {

    static final String SOURCE = "demo (built in)";

    private DemoRoutes() {
    }

    static RouteFile of(String sandboxBaseUrl) throws ConfigException {
        StringBuilder yaml = new StringBuilder("routes:\n");
        for (boolean stream : new boolean[] {false, true}) {
            for (RequestFamily family : RequestFamily.values()) {
                route(yaml, sandboxBaseUrl, family, stream);
            }
        }
        return ConfigLoader.parse(SOURCE, yaml.toString());
    }

    private static void route(StringBuilder yaml, String sandboxBaseUrl, RequestFamily family, boolean stream) {
        String label = "sandbox-" + family.wire() + (stream ? "-stream" : "");
        yaml.append("  - label: ").append(label).append('\n')
                .append("    base_url: ").append(sandboxBaseUrl).append('\n')
                .append("    request_family: ").append(family.wire()).append('\n')
                .append("    model: gpt-4o-mini\n")
                .append("    credential_env: ").append(SandboxCommand.KEY_ENV).append('\n')
                .append("    headers: {X-Route-Label: ").append(label).append("}\n")
                .append("    expect: {upstream_header: {name: X-Upstream, value: sandbox}, route_label_header: X-Route-Label,")
                .append(" model_prefix: gpt-4o-mini}\n")
                .append("    timeouts: {connect_ms: 2000, request_ms: 3000}\n")
                .append("    stream: ").append(stream).append('\n');
    }
}
