package io.github.seldonhpa.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code seldon-hpa generate-completion}: picocli's bash and zsh completion script for the command. */
@Command(name = "generate-completion", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    header = "Print the bash and zsh completion script of seldon-hpa.",
    descriptionHeading = "%n", optionListHeading = "%nOptions:%n",
    description = "Completes the commands, their options and the values of enum options such as --format.",
    footer = {"%nExamples:",
        "  source <(seldon-hpa generate-completion)",
        "  seldon-hpa generate-completion > /etc/bash_completion.d/seldon-hpa",
        "%nExit codes: 0 printed."})
final class CompletionCommand extends AutoComplete.GenerateCompletion {
}
