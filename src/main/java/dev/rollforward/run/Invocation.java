package dev.rollforward.run;

import java.nio.file.Path;

/**
 * How the user started rollforward, so that every command it prints for pasting (a usage hint,
 * the sandbox's {@code try:} line, the command in a report) works when pasted as it is.
 *
 * @param command the command as the user runs it: {@code rollforward} when the launcher was found
 *                on the PATH, else the path it was started by, e.g. {@code bin/rollforward}
 * @param home    the checkout the launcher lives in (its {@code config/} folder), or null when unknown
 */
public record Invocation(String command, Path home) {

    /** As the README has a new user run it: from the checkout. */
    public static final Invocation CHECKOUT = new Invocation("bin/rollforward", null);

    /**
     * The launcher passes {@code -Drollforward.invoked.as} and {@code -Drollforward.home}. Started
     * without it ({@code java -jar}), the command is the jar as the JVM was given it.
     */
    static Invocation fromSystem() {
        String command = System.getProperty("rollforward.invoked.as");
        if (command == null || command.isBlank()) {
            String javaCommand = System.getProperty("sun.java.command", "");
            int space = javaCommand.indexOf(' ');
            String jar = space < 0 ? javaCommand : javaCommand.substring(0, space);
            return new Invocation(jar.endsWith(".jar") ? "java -jar " + shellWord(jar) : CHECKOUT.command(), null);
        }
        String home = System.getProperty("rollforward.home");
        return new Invocation(shellWord(command), home == null || home.isBlank() ? null : Path.of(home));
    }

    /**
     * A file of the checkout ({@code config/sandbox.yaml}) as a shell word that works from the
     * current folder: relative in the checkout itself (or when the checkout is unknown), else absolute.
     */
    public String checkoutFile(String relative) {
        if (home == null) {
            return relative;
        }
        Path here = Path.of("").toAbsolutePath().normalize();
        Path absoluteHome = home.toAbsolutePath().normalize();
        return here.equals(absoluteHome) ? relative : shellWord(absoluteHome.resolve(relative).toString());
    }

    /** {@code text} as one word for a POSIX shell: as it is when it is plain, else in single quotes. */
    public static String shellWord(String text) {
        return text.matches("[A-Za-z0-9._/:=@%+,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
