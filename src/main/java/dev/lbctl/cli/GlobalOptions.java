package dev.lbctl.cli;

import dev.lbctl.i18n.Language;
import dev.lbctl.i18n.Messages;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * Options every command accepts. They are declared once on the root command with {@code scope = INHERIT}, so picocli
 * stores the value in this one object wherever on the command line the option appears.
 */
public class GlobalOptions {

    /** Progress lines on the command's stderr, with ✓/✗ marks unless --no-color. */
    static dev.lbctl.report.Progress progress(picocli.CommandLine.Model.CommandSpec spec) {
        return new dev.lbctl.report.Progress(spec.commandLine().getErr(), !of(spec).noColor());
    }

    /** The global options of the command line that {@code spec} belongs to. */
    static GlobalOptions of(picocli.CommandLine.Model.CommandSpec spec) {
        return ((LbctlCommand) spec.root().userObject()).global;
    }

    @Option(names = "--kubeconfig", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The kubeconfig context to use (default: the current context).")
    String context;

    @Option(names = "--request-timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            converter = DurationConverter.class, defaultValue = "30s",
            description = "Timeout of a single API request, e.g. 10s, 1m (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Do not color the output.")
    boolean noColor;

    /** Read again from the raw arguments by CommandLineFactory, which must know it before help renders; here it is validated. */
    @Option(names = "--lang", paramLabel = "LANG", scope = ScopeType.INHERIT, converter = LanguageConverter.class,
            completionCandidates = LanguageTags.class,
            description = "Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG).")
    Language lang;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print more detail, and stack traces on errors.")
    boolean verbose;

    static final class LanguageConverter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            return Language.ofTag(value).orElseThrow(() -> new TypeConversionException(
                    Messages.get("lang.unknown", value)));
        }
    }

    static final class LanguageTags implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Language.values()).map(Language::tag).iterator();
        }
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public String context() {
        return context;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean noColor() {
        return noColor;
    }
}
