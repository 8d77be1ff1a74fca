package dev.rollforward.cli;

import dev.rollforward.run.RunEnvironment;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash/zsh completion script for rollforward.",
                "Use: source <(bin/rollforward completion)   (zsh: autoload -U +X bashcompinit && bashcompinit first)"})
final class CompletionCommand implements Callable<Integer> {

    private final RunEnvironment env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    CompletionCommand(RunEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.out().print(AutoComplete.bash("rollforward", spec.root().commandLine()));
        env.out().flush();
        return 0;
    }
}
