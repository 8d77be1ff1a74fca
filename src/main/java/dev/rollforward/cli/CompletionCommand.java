package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;
import dev.rollforward.vocabulary.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;

@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Print a bash/zsh completion script for rollforward.",
        description = {"Use: source <(${ROOT-COMMAND-NAME} completion)   (zsh: run autoload -U +X bashcompinit && bashcompinit first)"})
final class CompletionCommand extends Subcommand {

    CompletionCommand(RunEnvironment env) {
        super(env);
    }

    @Override
    ExitCode execute() {
        env.out().print(AutoComplete.bash("rollforward", spec.root().commandLine()));
        env.out().flush();
        return ExitCode.PASS;
    }

    @Override
    ExitCodeHelp exitCodes() {
        return ExitCodeHelp.succeeds("the script was printed", ExitCode.USAGE, ExitCode.INTERNAL);
    }
}
