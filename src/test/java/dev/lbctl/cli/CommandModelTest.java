package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Range;

/**
 * The model a run builds (GeneratedCommandModel, written at build time) is the one picocli builds from the commands'
 * annotations, attribute by attribute, for every command: the annotations are the one place options are declared.
 */
class CommandModelTest {

    static Stream<Class<?>> commands() {
        List<Class<?>> all = new ArrayList<>(List.of(LbctlCommand.class));
        for (Class<?> sub : LbctlCommand.SUBCOMMANDS) {
            all.add(sub);
            all.addAll(LbctlCommand.NESTED.getOrDefault(sub, List.of()));
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void generatedModelIsPicocliModelOfTheAnnotations(Class<?> type) {
        CommandSpec annotated = CommandSpec.forAnnotatedObject(type);
        CommandSpec generated = CommandModel.GENERATED.spec(type);
        assertSameModel(describe(generated), describe(annotated));
        assertThat(generated.userObject()).isInstanceOf(type);
        assertThat(CommandModel.GENERATED.names(type)).containsExactly(names(annotated));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void summaryHasTheNamesAndUsageMessage(Class<?> type) {
        CommandSpec annotated = CommandSpec.forAnnotatedObject(type);
        CommandSpec summary = CommandModel.GENERATED.summary(type);
        assertThat(names(summary)).containsExactly(names(annotated));
        assertThat(usage(summary.usageMessage())).containsExactlyElementsOf(usage(annotated.usageMessage()));
        assertThat(summary.options()).isEmpty();
    }

    @Test
    void standardHelpOptionsAreThoseOfMixinStandardHelpOptions() {
        CommandSpec annotated = CommandSpec.forAnnotatedObject(LbctlCommand.class).mixins().get("mixinStandardHelpOptions");
        assertSameModel(describe(CommandModel.GENERATED.standardHelpOptions()), describe(annotated));
    }

    /** Each option writes the field its annotation is on, of the object picocli gives it (a group's once it has one). */
    @ParameterizedTest
    @MethodSource("commands")
    void everyArgumentIsBoundToItsAnnotatedField(Class<?> type) throws Exception {
        CommandSpec annotated = CommandSpec.forAnnotatedObject(type);
        CommandSpec generated = CommandModel.GENERATED.spec(type);
        List<ArgSpec> generatedArgs = generated.args();
        for (int i = 0; i < generatedArgs.size(); i++) {
            ArgSpec arg = generatedArgs.get(i);
            Field field = (Field) annotated.args().get(i).userObject();
            if (field.getDeclaringClass().getName().startsWith("picocli.")) {
                continue; // picocli's help options: their value is read from the parse result
            }
            field.setAccessible(true);
            Object owner = arg.group() != null ? field.getDeclaringClass().getDeclaredConstructor().newInstance()
                    : arg.scope().get();
            if (arg.group() != null) {
                assertThat(arg.initialValue()).as(arg.toString()).isEqualTo(field.get(owner));
                arg.scope().set(owner);
            }
            Object value = sample(field.getType());
            arg.setValue(value);
            assertThat(field.get(owner)).as(field.toString()).isEqualTo(value);
            assertThat(owner.getClass()).isEqualTo(field.getDeclaringClass());
        }
    }

    @Test
    void oneDifferentAttributeIsADifference() {
        CommandSpec generated = CommandModel.GENERATED.spec(PoolValidateCommand.class);
        CommandSpec changed = CommandModel.GENERATED.spec(PoolValidateCommand.class);
        OptionSpec version = changed.findOption("--metallb-version");
        changed.remove(version);
        changed.addOption(version.toBuilder().defaultValue("v0.13.12").build());
        assertThat(describe(changed)).isNotEqualTo(describe(generated));
        assertThat(describe(changed)).contains("option --metallb-version: defaultValue=v0.13.12");
    }

    /** Equal, in the same order; when not, the failure names the attributes that differ. */
    private static void assertSameModel(List<String> generated, List<String> annotated) {
        List<String> onlyGenerated = new ArrayList<>(generated);
        onlyGenerated.removeAll(annotated);
        List<String> onlyAnnotated = new ArrayList<>(annotated);
        onlyAnnotated.removeAll(generated);
        assertThat(onlyGenerated).as("generated model, differing from the annotations' (%s)", onlyAnnotated).isEmpty();
        assertThat(generated).containsExactlyElementsOf(annotated);
    }

    private static String[] names(CommandSpec spec) {
        List<String> names = new ArrayList<>(List.of(spec.name()));
        names.addAll(List.of(spec.aliases()));
        return names.toArray(String[]::new);
    }

    /** Everything about a command's model that parsing, help, completion and the resource bundle look at. */
    private static List<String> describe(CommandSpec spec) {
        List<String> lines = new ArrayList<>();
        lines.add("name=" + List.of(names(spec)) + " version=" + List.of(spec.version())
                + " versionProvider=" + className(spec.versionProvider()) + " helpOptions=" + spec.mixinStandardHelpOptions()
                + " helpCommand=" + spec.helpCommand() + " scope=" + spec.scopeType() + " inherited=" + spec.inherited()
                + " repeatable=" + spec.subcommandsRepeatable() + " bundle=" + spec.resourceBundleBaseName()
                + " defaultValueProvider=" + className(spec.defaultValueProvider())
                + " modelTransformer=" + className(spec.modelTransformer())
                + " exitCodes=" + List.of(spec.exitCodeOnSuccess(), spec.exitCodeOnUsageHelp(),
                        spec.exitCodeOnVersionHelp(), spec.exitCodeOnInvalidInput(), spec.exitCodeOnExecutionException())
                + " separator=" + spec.parser().separator() + " subcommands=" + spec.subcommands().keySet()
                + " unmatched=" + spec.unmatchedArgsBindings().size() + " parents=" + spec.parentCommandElements().size());
        lines.addAll(usage(spec.usageMessage()));
        for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
            // picocli's help mixin object is of a class of its own that only picocli can make (and nothing reads it)
            if (!mixin.getKey().equals("mixinStandardHelpOptions")) {
                lines.add("mixin " + mixin.getKey() + ": " + className(mixin.getValue().userObject()));
            }
            describe(mixin.getValue()).forEach(line -> lines.add("mixin " + mixin.getKey() + ": " + line));
        }
        List<ArgGroupSpec> groups = spec.argGroups();
        for (ArgSpec arg : spec.args()) {
            lines.addAll(describe(arg, groups));
        }
        for (ArgGroupSpec group : groups) {
            List<String> args = group.args().stream().map(CommandModelTest::label).toList();
            lines.add("group " + groups.indexOf(group) + ": exclusive=" + group.exclusive() + " multiplicity="
                    + range(group.multiplicity()) + " validate=" + group.validate() + " order=" + group.order()
                    + " heading=" + group.heading() + " headingKey=" + group.headingKey() + " type="
                    + group.typeInfo().getClassName() + " aux=" + List.of(group.typeInfo().getAuxiliaryTypes())
                    + " multi=" + group.typeInfo().isMultiValue() + " args=" + args + " subgroups="
                    + group.subgroups().size() + " specElements=" + group.specElements().size());
        }
        return lines;
    }

    private static List<String> usage(UsageMessageSpec u) {
        return List.of("usage: description=" + List.of(u.description()) + " header=" + List.of(u.header())
                + " footer=" + List.of(u.footer()) + " customSynopsis=" + List.of(u.customSynopsis()),
                "usage: headings=" + Arrays.asList(u.headerHeading(), u.synopsisHeading(), u.descriptionHeading(),
                        u.parameterListHeading(), u.optionListHeading(), u.commandListHeading(), u.footerHeading(),
                        u.exitCodeListHeading()) + " exitCodes=" + u.exitCodeList(),
                "usage: hidden=" + u.hidden() + " abbreviate=" + u.abbreviateSynopsis() + " sortOptions=" + u.sortOptions()
                        + " sortSynopsis=" + u.sortSynopsis() + " showDefaults=" + u.showDefaultValues() + " atFile="
                        + u.showAtFileInUsageHelp() + " endOfOptions=" + u.showEndOfOptionsDelimiterInUsageHelp()
                        + " requiredMarker=" + u.requiredOptionMarker() + " subcommandLabel=" + u.synopsisSubcommandLabel()
                        + " width=" + u.width() + " autoWidth=" + u.autoWidth() + " longOptionsMaxWidth="
                        + u.longOptionsMaxWidth() + " cjk=" + u.adjustLineBreaksForWideCJKCharacters()
                        + " synopsisIndent=" + u.synopsisIndent() + " autoIndent=" + u.synopsisAutoIndentThreshold()
                        + " sections=" + u.sectionKeys());
    }

    private static String label(ArgSpec arg) {
        return arg instanceof OptionSpec o ? "option " + o.longestName()
                : "positional " + ((PositionalParamSpec) arg).index() + " " + arg.paramLabel();
    }

    private static List<String> describe(ArgSpec arg, List<ArgGroupSpec> groups) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (arg instanceof OptionSpec o) {
            a.put("names", List.of(o.names()));
            a.put("usageHelp", o.usageHelp());
            a.put("versionHelp", o.versionHelp());
            a.put("negatable", o.negatable());
            a.put("order", o.order());
            a.put("fallbackValue", o.fallbackValue());
        } else {
            a.put("index", range(((PositionalParamSpec) arg).index()));
        }
        a.put("arity", range(arg.arity()));
        a.put("paramLabel", arg.paramLabel());
        a.put("hideParamSyntax", arg.hideParamSyntax());
        a.put("description", List.of(arg.description()));
        a.put("descriptionKey", arg.descriptionKey());
        a.put("defaultValue", arg.defaultValue());
        a.put("mapFallbackValue", arg.mapFallbackValue());
        a.put("showDefaultValue", arg.showDefaultValue());
        a.put("required", arg.required());
        a.put("originallyRequired", arg.originallyRequired());
        a.put("hidden", arg.hidden());
        a.put("interactive", arg.interactive() + "/" + arg.echo() + "/" + arg.prompt());
        a.put("split", arg.splitRegex() + "/" + arg.splitRegexSynopsisLabel());
        a.put("type", arg.type().getName());
        a.put("auxiliaryTypes", List.of(arg.auxiliaryTypes()));
        a.put("typeInfo", "multi=" + arg.typeInfo().isMultiValue() + " collection=" + arg.typeInfo().isCollection()
                + " map=" + arg.typeInfo().isMap() + " array=" + arg.typeInfo().isArray() + " enum="
                + arg.typeInfo().isEnum() + " boolean=" + arg.typeInfo().isBoolean() + " optional="
                + arg.typeInfo().isOptional());
        a.put("converters", Arrays.stream(arg.converters()).map(CommandModelTest::className).toList());
        a.put("completionCandidates", arg.completionCandidates() == null ? null
                : className(arg.completionCandidates()) + StreamSupport.stream(arg.completionCandidates().spliterator(), false).toList());
        a.put("scope", arg.scopeType());
        a.put("inherited", arg.inherited());
        a.put("parameterConsumer", className(arg.parameterConsumer()));
        a.put("preprocessor", className(arg.preprocessor()));
        a.put("hasInitialValue", arg.hasInitialValue());
        if (arg.group() == null) {
            a.put("initialValue", arg.initialValue());
        }
        a.put("group", arg.group() == null ? "none" : groups.indexOf(arg.group()));
        List<String> lines = new ArrayList<>();
        a.forEach((k, v) -> lines.add(label(arg) + ": " + k + "=" + v));
        return lines;
    }

    private static String range(Range r) {
        return r + " unspecified=" + r.isUnspecified() + " original=" + r.originalValue();
    }

    private static String className(Object o) {
        return o == null ? "null" : o.getClass().getName().replaceAll("\\$\\$Lambda.*", "$$Lambda");
    }

    /** A value of {@code type} that no field holds before the test sets it. */
    private static Object sample(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return 4711;
        }
        if (type == long.class) {
            return 4711L;
        }
        if (type == String.class) {
            return "sample";
        }
        if (type == Path.class) {
            return Path.of("sample");
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(4711);
        }
        if (type == List.class) {
            return new ArrayList<>(List.of("sample"));
        }
        if (type == Map.class) {
            return new LinkedHashMap<>(Map.of("sample", "value"));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        throw new AssertionError("no sample value of " + type);
    }
}
