package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;

/** Entry point. Tests call {@link #run} and never exit the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(RunEnvironment.system(System.out, System.err), args));
    }

    public static int run(RunEnvironment env, String... args) {
        return RollforwardCommand.commandLine(env).execute(args);
    }
}
