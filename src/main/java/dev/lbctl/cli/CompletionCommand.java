package dev.lbctl.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints a shell completion script generated from the command model (the same scripts as in completions/). */
@Command(name = "completion", description = "Print a shell completion script (bash, zsh or fish).")
public class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh, fish }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(script(shell, root));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    static String script(Shell shell, CommandLine root) {
        return switch (shell) {
            case bash -> AutoComplete.bash("lbctl", root);
            // picocli's script is written to also run under zsh's bash compatibility layer.
            case zsh -> "#compdef lbctl\nautoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                    + AutoComplete.bash("lbctl", root);
            case fish -> FishCompletion.script("lbctl", root);
        };
    }
}
