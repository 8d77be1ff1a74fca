package dev.rollforward.run;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM as the JVM delivers them: a shutdown hook. It stops the work, waits for the
 * command to end (its reports written) and ends the process with the command's own exit code:
 * once a signal has started the shutdown, {@code System.exit} would wait forever, and the JVM
 * would end with 128 + the signal's number. It waits at most {@link #WAIT_SECONDS}: CI runners
 * follow a SIGTERM with a SIGKILL a few seconds later.
 */
final class JvmStopSignal implements StopSignal {

    static final int WAIT_SECONDS = 5;
    /** What an interrupted run ends with when the command did not end in time: hold. */
    private static final int HOLD = 2;

    private final PrintStream err;
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile int exitCode = HOLD;

    JvmStopSignal(PrintStream err) {
        this.err = err;
    }

    @Override
    public Listening onStop(Runnable stop) {
        Thread hook = new Thread(() -> {
            stop.run();
            try {
                if (!exited.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    err.println("rollforward: interrupted: gave up waiting for the reports after " + WAIT_SECONDS
                            + " s; some may be missing");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.flush();
            Runtime.getRuntime().halt(exitCode);
        }, "rollforward-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends the process itself
            }
        };
    }

    @Override
    public void exiting(int code) {
        exitCode = code;
        exited.countDown();
    }
}
