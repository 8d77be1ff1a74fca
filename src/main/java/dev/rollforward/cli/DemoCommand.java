package dev.rollforward.cli;

import dev.rollforward.vocabulary.ConfigException;
import dev.rollforward.config.ConfigLoader;
import dev.rollforward.vocabulary.RouteFile;
import dev.rollforward.run.CheckOptions;
import dev.rollforward.run.CheckSession;
import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.sandbox.SandboxMode;
import dev.rollforward.sandbox.SandboxServer;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a full check of a chat and a responses route against an in-process sandbox.",
                "Needs no account and no setup; exits with the check's own code."})
final class DemoCommand implements Callable<Integer> {

    private final RunEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "healthy",
            description = "Sandbox behaviour to rehearse (default ${DEFAULT-VALUE}). One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = SandboxCommand.Modes.class)
    String mode;

    @Option(names = {"-q", "--quiet"}, description = "Only errors on stderr.")
    boolean quiet;

    DemoCommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        SandboxMode m = SandboxCommand.Modes.parse(spec, mode);
        try (SandboxServer server = SandboxServer.start(0, m)) {
            RouteFile routes = ConfigLoader.parse("demo (built in)", config(server.baseUrl()));
            Map<String, String> demoEnv = new HashMap<>(env.env());
            demoEnv.put(SandboxCommand.KEY_ENV, SandboxServer.CANARY_KEY);
            // The sandbox is on loopback: never through the user's proxy.
            demoEnv.keySet().removeIf(k -> k.toLowerCase(java.util.Locale.ROOT).matches("(https?|all|no)_proxy"));
            if (!quiet) {
                env.err().println("rollforward demo: a sandbox upstream (mode " + m.wire() + ") is serving " + server.baseUrl());
                env.err().println("Checking two routes through it: a chat route and a responses route.");
                env.err().println("Each gets a happy-path request with the canary key, then an error-path request with a disabled key.");
                env.err().println();
            }
            CheckOptions options = new CheckOptions(null, List.of(), true, 2, null, null, null, null, null, quiet, false,
                    "rollforward demo --mode " + m.wire());
            int code = new CheckSession(options, env.withEnv(demoEnv)).run(routes);
            if (!quiet) {
                env.err().println();
                env.err().println(explain(code));
                env.err().println("The JSON lines on stdout are the records a CI job or evidence log keeps; pipe them to jq.");
                env.err().println("Rehearse other outcomes: rollforward demo --mode overloaded | hang | accepts-any-key | ...");
            }
            return code;
        } catch (ConfigException e) {
            throw new IllegalStateException("the built-in demo config is invalid: " + e.getMessage(), e);
        }
    }

    static String config(String baseUrl) {
        StringBuilder sb = new StringBuilder("routes:\n");
        for (String family : new String[] {"chat", "responses"}) {
            sb.append("  - label: sandbox-").append(family).append('\n')
                    .append("    base_url: ").append(baseUrl).append('\n')
                    .append("    request_family: ").append(family).append('\n')
                    .append("    model: gpt-4o-mini\n")
                    .append("    credential_env: ").append(SandboxCommand.KEY_ENV).append('\n')
                    .append("    headers: {X-Route-Label: sandbox-").append(family).append("}\n")
                    .append("    expect: {upstream_header: {name: X-Upstream, value: sandbox}, route_label_header: X-Route-Label}\n")
                    .append("    timeouts: {connect_ms: 2000, request_ms: 3000}\n");
        }
        return sb.toString();
    }

    private static String explain(int code) {
        for (ExitCode c : ExitCode.values()) {
            if (c.code() == code) {
                return "Exit " + code + " = " + c.meaning() + ".";
            }
        }
        return "Exit " + code + ".";
    }
}
