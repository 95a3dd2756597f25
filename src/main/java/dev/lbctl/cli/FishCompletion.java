package dev.lbctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script written from the picocli command model (picocli itself generates only bash). Subcommands
 * and options are offered where the command line stands; option values from their completion candidates (enums),
 * files only where the value is a path.
 */
final class FishCompletion {

    /** A full stop that ends a sentence, not the one in "e.g. 10s". */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=[A-Z])");

    private FishCompletion() {
    }

    static String script(String name, CommandLine root) {
        List<CommandSpec> commands = new ArrayList<>();
        collect(root.getCommandSpec(), commands);
        Set<String> paths = new LinkedHashSet<>();
        Set<String> valueOptions = new LinkedHashSet<>();
        for (CommandSpec spec : commands) {
            if (spec != root.getCommandSpec()) {
                paths.add(path(name, spec));
            }
            for (OptionSpec option : spec.options()) {
                if (option.arity().max() > 0) {
                    valueOptions.addAll(List.of(option.names()));
                }
            }
        }

        StringBuilder sb = new StringBuilder();
        sb.append("# fish completion for ").append(name).append(", generated from its command model by '")
                .append(name).append(" completion fish'.\n")
                .append("# Install: copy to ~/.config/fish/completions/").append(name).append(".fish\n\n");
        String fn = "__" + name.replace('-', '_');
        sb.append("set -g ").append(fn).append("_commands").append(quotedList(paths)).append('\n');
        sb.append("set -g ").append(fn).append("_value_options").append(quotedList(valueOptions)).append("\n\n");
        sb.append("""
                # The subcommand path typed so far, e.g. "NAME pool validate": options and their values are skipped.
                function FN_path
                    set -l path NAME
                    set -l skip_value 0
                    for token in (commandline -opc)[2..-1]
                        if test $skip_value -eq 1
                            set skip_value 0
                            continue
                        end
                        if string match -q -- '-*' $token
                            if contains -- $token $FN_value_options
                                set skip_value 1
                            end
                            continue
                        end
                        if contains -- "$path $token" $FN_commands
                            set path "$path $token"
                        end
                    end
                    echo $path
                end

                function FN_at
                    test (FN_path) = "$argv"
                end

                complete -c NAME -f
                """.replace("FN", fn).replace("NAME", name));

        for (CommandSpec spec : commands) {
            String condition = " -n '" + fn + "_at " + path(name, spec) + "'";
            sb.append('\n');
            for (CommandLine sub : spec.subcommands().values()) {
                CommandSpec subSpec = sub.getCommandSpec();
                if (subSpec.usageMessage().hidden() || !seenOnce(spec, sub)) {
                    continue;
                }
                sb.append("complete -c ").append(name).append(condition).append(" -a ").append(quote(subSpec.name()))
                        .append(" -d ").append(quote(summary(subSpec.usageMessage().description())))
                        .append('\n');
            }
            for (OptionSpec option : spec.options()) {
                if (option.hidden()) {
                    continue;
                }
                sb.append("complete -c ").append(name).append(condition);
                for (String optionName : option.names()) {
                    if (optionName.startsWith("--")) {
                        sb.append(" -l ").append(optionName.substring(2));
                    } else if (optionName.length() == 2) {
                        sb.append(" -s ").append(optionName.charAt(1));
                    } else {
                        sb.append(" -o ").append(optionName.substring(1));
                    }
                }
                sb.append(valueCompletion(option.arity().max() > 0, option.type(), option.completionCandidates()));
                sb.append(" -d ").append(quote(summary(option.description(), option.defaultValueString())))
                        .append('\n');
            }
            for (PositionalParamSpec param : spec.positionalParameters()) {
                if (!param.hidden() && param.completionCandidates() != null) {
                    sb.append("complete -c ").append(name).append(condition)
                            .append(valueCompletion(true, param.type(), param.completionCandidates())).append('\n');
                } else if (!param.hidden() && Path.class.isAssignableFrom(param.type())) {
                    sb.append("complete -c ").append(name).append(condition).append(" -F\n");
                }
            }
        }
        return sb.toString();
    }

    private static void collect(CommandSpec spec, List<CommandSpec> into) {
        into.add(spec);
        for (CommandLine sub : spec.subcommands().values()) {
            if (seenOnce(spec, sub)) {
                collect(sub.getCommandSpec(), into);
            }
        }
    }

    /** picocli lists a subcommand once per name and alias; it is written once, under its name. */
    private static boolean seenOnce(CommandSpec parent, CommandLine sub) {
        return parent.subcommands().get(sub.getCommandSpec().name()) == sub;
    }

    private static String path(String name, CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
            names.add(0, s.name());
        }
        names.add(0, name);
        return String.join(" ", names);
    }

    /** -x: a value, no files; -r -F: a path; -x -a: the candidates. */
    private static String valueCompletion(boolean takesValue, Class<?> type, Iterable<String> candidates) {
        if (!takesValue) {
            return "";
        }
        if (candidates != null && candidates.iterator().hasNext()) {
            List<String> values = new ArrayList<>();
            candidates.forEach(values::add);
            return " -x -a " + quote(String.join(" ", values));
        }
        return Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type) ? " -r -F" : " -x";
    }

    private static String summary(String[] description) {
        return summary(description, null);
    }

    /** The first sentence of the description, with picocli's ${DEFAULT-VALUE} filled in. */
    private static String summary(String[] description, String defaultValue) {
        if (description == null || description.length == 0) {
            return "";
        }
        String text = description[0].replace("${DEFAULT-VALUE}", defaultValue == null ? "" : defaultValue)
                .replace("%n", " ").strip();
        Matcher sentenceEnd = SENTENCE_END.matcher(text);
        if (sentenceEnd.find()) {
            text = text.substring(0, sentenceEnd.start());
        }
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static String quotedList(Set<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            sb.append(' ').append(quote(v));
        }
        return sb.toString();
    }

    /** Fish single quotes: only backslash and the quote itself are special. */
    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
