package dev.rollforward.cli;

import dev.rollforward.vocabulary.ExitCode;
import dev.rollforward.run.RunEnvironment;
import dev.rollforward.sandbox.SandboxMode;
import dev.rollforward.sandbox.SandboxServer;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Serve a local OpenAI-compatible upstream on 127.0.0.1 to rehearse every outcome with no account.",
                "Routes: POST /v1/chat/completions and POST /v1/responses. Runs until Ctrl-C."})
final class SandboxCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8787;
    static final String KEY_ENV = "ROLLFORWARD_SANDBOX_KEY";

    private final RunEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8787", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "healthy",
            description = "How the upstream behaves (default ${DEFAULT-VALUE}). One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Modes.class)
    String mode;

    SandboxCommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        SandboxMode m = Modes.parse(spec, mode);
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        SandboxServer server;
        try {
            server = SandboxServer.start(port, m);
        } catch (java.net.BindException e) {
            env.err().println("rollforward: port " + port + " on 127.0.0.1 is in use; pick another with --port N");
            return ExitCode.USAGE.code();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        env.err().println("rollforward sandbox: mode " + m.wire() + " (" + m.description() + ")");
        env.err().println("  base URL:   " + server.baseUrl());
        env.err().println("  canary key: " + SandboxServer.CANARY_KEY + "  (a fake key; any other key is refused)");
        env.err().println("  try:        export " + KEY_ENV + "=" + SandboxServer.CANARY_KEY);
        env.err().println("              rollforward check --config config/sandbox.yaml --route sandbox-chat");
        env.err().println("  stop with Ctrl-C");
        env.err().flush();
        stopped.await();
        return ExitCode.PASS.code();
    }

    /** The mode names, for --help and shell completion. */
    static final class Modes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(SandboxMode.values()).map(SandboxMode::wire).iterator();
        }

        static SandboxMode parse(CommandLine.Model.CommandSpec spec, String value) {
            SandboxMode m = SandboxMode.fromWire(value);
            if (m == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown --mode '" + value + "'; one of: "
                        + String.join(", ", new Modes()));
            }
            return m;
        }
    }
}
