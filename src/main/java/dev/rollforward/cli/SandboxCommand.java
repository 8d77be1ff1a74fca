package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;
import dev.rollforward.run.StopSignal;
import dev.rollforward.sandbox.SandboxMode;
import dev.rollforward.sandbox.SandboxServer;
import dev.rollforward.vocabulary.ExitCode;
import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", mixinStandardHelpOptions = true,
        header = "Serve a local OpenAI-compatible upstream on 127.0.0.1 to rehearse every outcome with no account.",
        description = {"Routes: POST /v1/chat/completions and POST /v1/responses. Runs until Ctrl-C.",
                "config/sandbox.yaml points at port " + SandboxCommand.DEFAULT_PORT + "; on another port, check it with --base-url "
                        + "(the sandbox prints the command)."})
final class SandboxCommand extends Subcommand {

    static final int DEFAULT_PORT = 8787;
    /** The env var the sandbox's routes (config/sandbox.yaml, the demo) read the canary key from. */
    static final String KEY_ENV = "ROLLFORWARD_SANDBOX_KEY";
    /** The config whose routes point at the sandbox on {@link #DEFAULT_PORT}. */
    static final String CONFIG = "config/sandbox.yaml";

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT, converter = OptionValues.Port.class,
            description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "healthy", converter = OptionValues.Mode.class,
            description = "How the upstream behaves (default ${DEFAULT-VALUE}). One of: ${COMPLETION-CANDIDATES}",
            completionCandidates = OptionValues.Modes.class)
    SandboxMode mode;

    SandboxCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() throws IOException, InterruptedException {
        SandboxServer server;
        try {
            server = SandboxServer.start(port, mode);
        } catch (BindException e) {
            console().error("port " + port + " on 127.0.0.1 is in use; pick another with --port N");
            return ExitCode.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (StopSignal.Listening signal = env.stopSignal().onStop(() -> {
            server.close();
            stopped.countDown();
        })) {
            // Our own words and the sandbox's fake key, which a redactor would hide: printed as they are.
            env.err().println("rollforward sandbox: mode " + mode.wire() + " (" + mode.description() + ")");
            env.err().println("  base URL:   " + server.baseUrl());
            env.err().println("  canary key: " + SandboxServer.CANARY_KEY + "  (a fake key; any other key is refused)");
            env.err().println("  try:        export " + KEY_ENV + "=" + SandboxServer.CANARY_KEY);
            env.err().println("              " + checkCommand(server));
            env.err().println("  stop with Ctrl-C");
            env.err().flush();
            stopped.await();
        }
        return ExitCode.PASS;
    }

    /** A check of this sandbox that works when pasted: from any folder, on whatever port it got. */
    private String checkCommand(SandboxServer server) {
        return env.invocation().command() + " check --config " + env.invocation().checkoutFile(CONFIG)
                + " --route sandbox-chat" + (server.port() == DEFAULT_PORT ? "" : " --base-url " + server.baseUrl());
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.succeeds("stopped (Ctrl-C)", ExitCode.USAGE, ExitCode.INTERNAL);
    }
}
