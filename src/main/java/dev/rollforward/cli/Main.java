package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;

/** Entry point. Tests call {@link #run} and never exit the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        RunEnvironment env = RunEnvironment.system(System.out, System.err);
        int code = run(env, args);
        env.stopSignal().exiting(code); // a Ctrl-C that arrived meanwhile ends the process with this code too
        System.exit(code);
    }

    public static int run(RunEnvironment env, String... args) {
        return RollforwardCommand.commandLine(env, args).execute(args);
    }
}
