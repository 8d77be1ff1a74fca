package dev.rollforward.run;

/**
 * Ctrl-C or SIGTERM. The JVM's arrives through a shutdown hook ({@link JvmStopSignal}); tests
 * send their own. A listener stops what it guards and returns at once; the command then ends the
 * way it does on its own, with its own exit code.
 */
public interface StopSignal {

    /** Calls {@code stop} when the process is asked to stop, until the returned handle is closed. */
    Listening onStop(Runnable stop);

    /** The command has ended with {@code code}: the process is about to exit with it. */
    default void exiting(int code) {
    }

    /** A listener that is no longer wanted once the work it guards is done. */
    interface Listening extends AutoCloseable {
        @Override
        void close();
    }
}
