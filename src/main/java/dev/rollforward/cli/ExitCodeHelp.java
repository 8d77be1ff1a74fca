package dev.rollforward.cli;

import dev.rollforward.vocabulary.ExitCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The exit codes a command's --help lists: only those the command can end with, 0 in the
 * command's own words (a valid config is not "every verdict is promote").
 *
 * @param pass what 0 means for the command; null: the verdict codes 0, 1 and 2 of a check
 */
record ExitCodeHelp(String pass, List<ExitCode> others) {

    /** A command that runs a check: the verdict codes, then the others. */
    static ExitCodeHelp verdicts(ExitCode... others) {
        return new ExitCodeHelp(null, List.of(others));
    }

    /** A command that judges nothing: 0 means {@code pass}. */
    static ExitCodeHelp succeeds(String pass, ExitCode... others) {
        return new ExitCodeHelp(pass, List.of(others));
    }

    /** For picocli's exit code list, the codes right-aligned (padded by hand: String.format is slow to load). */
    Map<String, String> list() {
        Map<String, String> codes = new LinkedHashMap<>();
        if (pass == null) {
            for (ExitCode verdict : List.of(ExitCode.PASS, ExitCode.FAIL, ExitCode.HOLD)) {
                put(codes, verdict.code(), verdict.meaning());
            }
        } else {
            put(codes, ExitCode.PASS.code(), pass);
        }
        for (ExitCode c : others) {
            put(codes, c.code(), c.meaning());
        }
        return codes;
    }

    private static void put(Map<String, String> codes, int code, String meaning) {
        String number = Integer.toString(code);
        codes.put("   ".substring(number.length()) + number, meaning);
    }
}
