package dev.rollforward.vocabulary;

/** CONTRACT §6. Scripts branch on these numbers; they never change. */
public enum ExitCode {
    PASS(0, "pass: every verdict is promote"),
    FAIL(1, "fail: some verdict is stay"),
    HOLD(2, "hold: some verdict is hold, none is stay"),
    USAGE(64, "usage error (unknown option, missing argument)"),
    NO_INPUT(66, "history: the evidence log does not exist or cannot be read"),
    INTERNAL(70, "internal error (an output that cannot be written: a report file or stdout; or a bug)"),
    CONFIG(78, "config error (invalid config, unknown route, missing env var); nothing was sent");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    public static ExitCode of(Decision worst) {
        switch (worst) {
            case PROMOTE: return PASS;
            case STAY: return FAIL;
            default: return HOLD;
        }
    }
}
