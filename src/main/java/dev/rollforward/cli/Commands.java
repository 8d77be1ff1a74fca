package dev.rollforward.cli;

import dev.rollforward.secrets.Redactor;
import java.util.List;
import picocli.CommandLine;

/** Small helpers shared by the subcommands. */
final class Commands {

    private Commands() {
    }

    /** The command as the user typed it, shell-quoted and redacted, for reports to repeat. */
    static String commandLine(CommandLine.Model.CommandSpec spec) {
        StringBuilder sb = new StringBuilder("rollforward");
        CommandLine.ParseResult top = spec.root().commandLine().getParseResult();
        List<String> args = top == null ? List.of() : top.originalArgs();
        for (String a : args) {
            sb.append(' ').append(a.matches("[A-Za-z0-9._/:=@%+,-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return Redactor.none().redact(sb.toString());
    }
}
