import com.sun.source.util.JavacTask;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.util.Elements;
import javax.tools.ToolProvider;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Range;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Build step (after lbctl is compiled, whose process-classes step then compiles the output; run by the JDK's source
 * launcher on lbctl's class path): writes
 * {@code dev.lbctl.cli.GeneratedCommandModel}, which builds the picocli model of every command with picocli's
 * programmatic API, so that a run never reads an annotation (see dev.lbctl.cli.CommandModel for why). The annotations
 * stay the source: this reads the model picocli itself makes of them and writes each attribute out. What this does not
 * know how to write (a feature lbctl does not use) stops the build rather than being left out; CommandModelTest checks
 * that the written model equals picocli's.
 *
 * <p>Usage: java -cp CLASSPATH CommandModelGenerator.java OUTPUT-DIR
 */
@SuppressWarnings("deprecation") // OptionSpec.help(): picocli's own help options are written as they are
public final class CommandModelGenerator {

    private static final String PACKAGE = "dev.lbctl.cli";
    private static final String HELP_MIXIN = "mixinStandardHelpOptions";
    private static final Elements ELEMENTS =
            ((JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, null, null, null, null)).getElements();

    private final StringBuilder methods = new StringBuilder();
    /** Every bound field, numbered in order: the generated class Bound reads and writes them by number. */
    private final List<Field> fields = new ArrayList<>();
    private final Map<Class<?>, String> mixins = new LinkedHashMap<>();
    private int variables;

    public static void main(String[] args) throws Exception {
        Class<?> root = Class.forName(PACKAGE + ".LbctlCommand");
        List<Class<?>> commands = new ArrayList<>(List.of(root));
        for (Class<?> sub : CommandModelGenerator.<List<Class<?>>>staticField(root, "SUBCOMMANDS")) {
            commands.add(sub);
            commands.addAll(CommandModelGenerator.<Map<Class<?>, List<Class<?>>>>staticField(root, "NESTED")
                    .getOrDefault(sub, List.of()));
        }
        String java = new CommandModelGenerator().generate(commands, root);
        Path out = Path.of(args[0], PACKAGE.split("\\.")).resolve("GeneratedCommandModel.java");
        Files.createDirectories(out.getParent());
        if (!Files.exists(out) || !Files.readString(out).equals(java)) {
            Files.writeString(out, java, StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T staticField(Class<?> type, String name) throws ReflectiveOperationException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(null);
    }

    private String generate(List<Class<?>> commands, Class<?> root) throws Exception {
        StringBuilder specSwitch = new StringBuilder();
        StringBuilder namesSwitch = new StringBuilder();
        StringBuilder summarySwitch = new StringBuilder();
        for (Class<?> type : commands) {
            CommandSpec spec = CommandSpec.forAnnotatedObject(type);
            String method = command(type, spec);
            specSwitch.append("        if (type == ").append(type.getSimpleName()).append(".class) {\n            return ")
                    .append(method).append("();\n        }\n");
            List<String> names = new ArrayList<>(List.of(spec.name()));
            names.addAll(List.of(spec.aliases()));
            summarySwitch.append("        if (type == ").append(type.getSimpleName()).append(".class) {\n")
                    .append("            CommandSpec spec = CommandSpec.create().name(").append(literal(spec.name()))
                    .append(").aliases(").append(strings(spec.aliases())).append(");\n");
            usage(summarySwitch, spec, "    ");
            summarySwitch.append("            return spec;\n        }\n");
            namesSwitch.append("        if (type == ").append(type.getSimpleName()).append(".class) {\n            return ")
                    .append(strings(names.toArray(String[]::new))).append(";\n        }\n");
        }
        CommandSpec help = CommandSpec.forAnnotatedObject(root).mixins().get(HELP_MIXIN);
        methods.append("\n    @Override\n    CommandSpec standardHelpOptions() {\n")
                .append("        CommandSpec spec = CommandSpec.wrapWithoutInspection(null);\n");
        for (OptionSpec option : help.options()) {
            // picocli's own fields are private: its options keep their values in the OptionSpec, as the value is only
            // ever read from the parse result
            methods.append("        spec.addOption(").append(arg(option, null, null, null)).append(");\n");
        }
        methods.append("        return spec;\n    }\n");

        StringBuilder reads = new StringBuilder();
        StringBuilder writes = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String owner = "((" + sourceName(f.getDeclaringClass()) + ") object)." + f.getName();
            reads.append("                case ").append(i).append(": return ").append(owner).append(";\n");
            writes.append("                case ").append(i).append(": ").append(owner).append(" = (")
                    .append(sourceName(box(f.getType()))).append(") value; break;\n");
        }
        return """
                package dev.lbctl.cli;

                import picocli.CommandLine.Help;
                import picocli.CommandLine.Model.ArgGroupSpec;
                import picocli.CommandLine.Model.CommandSpec;
                import picocli.CommandLine.Model.OptionSpec;
                import picocli.CommandLine.Model.PositionalParamSpec;
                import picocli.CommandLine.Range;
                import picocli.CommandLine.ScopeType;

                /** Generated by src/build/CommandModelGenerator.java from the commands' picocli annotations: do not edit. */
                @SuppressWarnings({"unchecked", "rawtypes"})
                final class GeneratedCommandModel extends CommandModel {

                    @Override
                    CommandSpec spec(Class<?> type) {
                %s        throw new IllegalArgumentException(type.getName());
                    }

                    @Override
                    CommandSpec summary(Class<?> type) {
                %s        throw new IllegalArgumentException(type.getName());
                    }

                    @Override
                    String[] names(Class<?> type) {
                %s        throw new IllegalArgumentException(type.getName());
                    }
                %s
                    private static final class Bound extends CommandModel.Field {
                        Bound(CommandModel.Target target, int field) {
                            super(target, field);
                        }

                        @Override
                        Object read(Object object, int field) {
                            switch (field) {
                %s                default: throw new IllegalArgumentException(Integer.toString(field));
                            }
                        }

                        @Override
                        void write(Object object, int field, Object value) {
                            switch (field) {
                %s                default: throw new IllegalArgumentException(Integer.toString(field));
                            }
                        }
                    }
                }
                """.formatted(specSwitch, summarySwitch, namesSwitch, methods, reads, writes);
    }

    /** Writes the method that builds {@code type}'s model and returns its name. */
    private String command(Class<?> type, CommandSpec spec) throws Exception {
        check(type.getSuperclass() != Object.class ? "commands that extend a class" : null, type);
        check(!spec.subcommands().isEmpty() ? "subcommands in @Command" : null, type);
        String name = "command" + type.getSimpleName();
        StringBuilder body = new StringBuilder();
        body.append("        ").append(sourceName(type)).append(" command = new ").append(sourceName(type)).append("();\n")
                .append("        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);\n")
                .append("        CommandModel.Target target = new CommandModel.Target(command);\n")
                .append("        spec.name(").append(literal(spec.name())).append(");\n");
        if (spec.aliases().length > 0) {
            body.append("        spec.aliases(").append(strings(spec.aliases())).append(");\n");
        }
        if (spec.versionProvider() != null) {
            body.append("        spec.versionProvider(new ").append(sourceName(spec.versionProvider().getClass())).append("());\n");
        }
        if (spec.version().length > 0) {
            body.append("        spec.version(").append(strings(spec.version())).append(");\n");
        }
        commandAttributes(type, spec);
        usage(body, spec, "");
        members(body, type, spec, "command");
        if (spec.mixinStandardHelpOptions()) {
            body.append("        spec.addMixin(\"" + HELP_MIXIN + "\", standardHelpOptions());\n");
        }
        methods.append("\n    private CommandSpec ").append(name).append("() {\n").append(body)
                .append("        return spec;\n    }\n");
        return name;
    }

    /** Attributes lbctl's commands leave at picocli's defaults: writing them out is left for when one is used. */
    private static void commandAttributes(Class<?> type, CommandSpec spec) {
        CommandSpec plain = CommandSpec.create();
        check(spec.helpCommand() != plain.helpCommand() ? "helpCommand" : null, type);
        check(spec.defaultValueProvider() != null ? "defaultValueProvider" : null, type);
        check(spec.subcommandsRepeatable() != plain.subcommandsRepeatable() ? "subcommandsRepeatable" : null, type);
        check(spec.scopeType() != plain.scopeType() ? "scope" : null, type);
        check(spec.modelTransformer() != null ? "modelTransformer" : null, type);
        check(spec.preprocessor().getClass() != plain.preprocessor().getClass() ? "preprocessor" : null, type);
        check(spec.resourceBundleBaseName() != null ? "resourceBundle" : null, type);
        check(!spec.parser().separator().equals(plain.parser().separator()) ? "separator" : null, type);
        check(spec.exitCodeOnSuccess() != plain.exitCodeOnSuccess()
                || spec.exitCodeOnUsageHelp() != plain.exitCodeOnUsageHelp()
                || spec.exitCodeOnVersionHelp() != plain.exitCodeOnVersionHelp()
                || spec.exitCodeOnInvalidInput() != plain.exitCodeOnInvalidInput()
                || spec.exitCodeOnExecutionException() != plain.exitCodeOnExecutionException() ? "exit codes" : null, type);
        check(!spec.unmatchedArgsBindings().isEmpty() ? "@Unmatched" : null, type);
        check(!spec.parentCommandElements().isEmpty() ? "@ParentCommand" : null, type);
    }

    private static void check(String unsupported, Object where) {
        if (unsupported != null) {
            throw new IllegalStateException(where + ": CommandModelGenerator does not write " + unsupported + " yet");
        }
    }

    /** The usage message's attributes that differ from a new CommandSpec's, read from its fields as set (not rendered). */
    private static void usage(StringBuilder body, CommandSpec spec, String indent) throws Exception {
        Object plain = CommandSpec.create().usageMessage();
        for (Field field : spec.usageMessage().getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(spec.usageMessage());
            Object fresh = field.get(plain);
            if (List.of("helpFactory", "sectionKeys", "helpSectionRendererMap", "interpolator", "messages",
                    "cachedTerminalWidth", "commandSpec").contains(field.getName())) {
                continue; // not declared by annotations
            }
            if (!Objects.deepEquals(value, fresh)) {
                body.append(indent).append("        spec.usageMessage().").append(field.getName()).append('(')
                        .append(value(value, spec)).append(");\n");
            }
        }
    }

    private static String value(Object value, Object where) {
        if (value instanceof String[] strings) {
            return strings(strings);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof Character) {
            return literal(value);
        }
        throw new IllegalStateException(where + ": CommandModelGenerator does not write a " + value.getClass() + " yet");
    }

    /**
     * Writes what picocli makes of {@code owner}'s annotated fields, in picocli's order (declared fields, in order):
     * mixins, options, positional parameters, argument groups, and the {@code @Spec} field.
     */
    private void members(StringBuilder body, Class<?> owner, CommandSpec spec, String object) throws Exception {
        for (Field field : owner.getDeclaredFields()) {
            if (field.isAnnotationPresent(Mixin.class)) {
                Mixin mixin = field.getAnnotation(Mixin.class);
                String key = mixin.name().isEmpty() ? field.getName() : mixin.name();
                body.append("        if (").append(object).append('.').append(field.getName()).append(" == null) {\n")
                        .append("            ").append(object).append('.').append(field.getName()).append(" = new ")
                        .append(sourceName(field.getType())).append("();\n        }\n")
                        .append("        spec.addMixin(").append(literal(key)).append(", ")
                        .append(mixin(field.getType(), spec.mixins().get(key))).append('(').append(object).append('.')
                        .append(field.getName()).append("));\n");
            } else if (field.isAnnotationPresent(Option.class) || field.isAnnotationPresent(Parameters.class)) {
                ArgSpec arg = argFor(spec.args(), field);
                body.append("        spec.").append(arg.isOption() ? "addOption(" : "addPositional(")
                        .append(arg(arg, field, "target", null)).append(");\n");
            } else if (field.isAnnotationPresent(ArgGroup.class)) {
                group(body, field, spec);
            } else if (field.isAnnotationPresent(Spec.class)) {
                check(field.getAnnotation(Spec.class).value() != Spec.Target.SELF ? "@Spec(MIXEE)" : null, field);
                body.append("        ").append(object).append('.').append(field.getName()).append(" = spec;\n");
            } else if (field.isAnnotationPresent(CommandLine.ParentCommand.class)
                    || field.isAnnotationPresent(CommandLine.Unmatched.class)) {
                check("@" + field.getAnnotations()[0].annotationType().getSimpleName(), field);
            }
        }
        for (java.lang.reflect.Method method : owner.getDeclaredMethods()) {
            check(method.isAnnotationPresent(Option.class) || method.isAnnotationPresent(Parameters.class)
                    || method.isAnnotationPresent(Command.class) ? "annotated methods" : null, method);
        }
    }

    /** Writes (once per class) the method that builds a mixin's model around a given object, and returns its name. */
    private String mixin(Class<?> type, CommandSpec mixin) throws Exception {
        String existing = mixins.get(type);
        if (existing != null) {
            return existing;
        }
        String name = "mixin" + type.getSimpleName();
        mixins.put(type, name);
        StringBuilder body = new StringBuilder();
        body.append("        CommandSpec spec = CommandSpec.wrapWithoutInspection(mixin);\n")
                .append("        CommandModel.Target target = new CommandModel.Target(mixin);\n");
        commandAttributes(type, mixin);
        usage(body, mixin, "");
        members(body, type, mixin, "mixin");
        methods.append("\n    private CommandSpec ").append(name).append('(').append(sourceName(type))
                .append(" mixin) {\n").append(body).append("        return spec;\n    }\n");
        return name;
    }

    private void group(StringBuilder body, Field field, CommandSpec spec) throws Exception {
        Class<?> type = field.getType();
        ArgGroupSpec group = spec.argGroups().stream().filter(g -> g.typeInfo().getType() == type).findFirst()
                .orElseThrow(() -> new IllegalStateException(field + ": no argument group in picocli's model"));
        check(!group.subgroups().isEmpty() ? "nested argument groups" : null, field);
        check(!group.specElements().isEmpty() ? "@Spec in an argument group" : null, field);
        check(group.typeInfo().isMultiValue() ? "repeating argument groups" : null, field);
        String builder = "group" + variables++;
        // picocli makes the group's object when it meets one of its options; the options start as a new one's fields
        body.append("        ").append(sourceName(type)).append(' ').append(builder).append("Initial = new ")
                .append(sourceName(type)).append("();\n")
                .append("        CommandModel.Target ").append(builder).append("Target = new CommandModel.Target(null);\n")
                .append("        ArgGroupSpec.Builder ").append(builder).append(" = ArgGroupSpec.builder()")
                .append(".exclusive(").append(group.exclusive()).append(')')
                .append(".multiplicity(").append(range(group.multiplicity())).append(')')
                .append(".validate(").append(group.validate()).append(')')
                .append(".order(").append(group.order()).append(')');
        String heading = rawField(group, "heading");
        if (heading != null) {
            body.append(".heading(").append(literal(heading)).append(')');
        }
        if (group.headingKey() != null) {
            body.append(".headingKey(").append(literal(group.headingKey())).append(')');
        }
        body.append("\n                .typeInfo(CommandModel.typeOf(").append(sourceName(type)).append(".class));\n")
                .append("        CommandModel.bind(").append(builder).append(", ").append(bound(field, "target")).append(");\n");
        for (Field member : type.getDeclaredFields()) {
            if (member.isAnnotationPresent(Option.class) || member.isAnnotationPresent(Parameters.class)) {
                body.append("        ").append(builder).append(".addArg(")
                        .append(arg(argFor(group.args(), member), member, builder + "Target", builder + "Initial"))
                        .append(");\n");
            } else {
                check(member.getAnnotations().length > 0 ? "annotations other than options in argument groups" : null,
                        member);
            }
        }
        body.append("        spec.addArgGroup(").append(builder).append(".build());\n");
    }

    private static ArgSpec argFor(Iterable<? extends ArgSpec> args, Field field) {
        for (ArgSpec arg : args) {
            if (field.equals(arg.userObject())) {
                return arg;
            }
        }
        throw new IllegalStateException(field + ": not in picocli's model");
    }

    /**
     * The builder expression of an option or positional parameter: its attributes as declared, before picocli's
     * own changes (an exclusive group makes its options required; the group does so again), bound to {@code field}
     * of the object in Target {@code target}; {@code groupInitial} names a new object of its argument group, if any.
     */
    private String arg(ArgSpec arg, Field field, String target, String groupInitial) throws Exception {
        StringBuilder b = new StringBuilder();
        Option option = field == null ? null : field.getAnnotation(Option.class);
        Parameters parameters = field == null ? null : field.getAnnotation(Parameters.class);
        if (arg instanceof OptionSpec o) {
            b.append("OptionSpec.builder(").append(strings(o.toBuilder().names())).append(')');
            if (o.usageHelp()) {
                b.append(".usageHelp(true)");
            }
            if (o.versionHelp()) {
                b.append(".versionHelp(true)");
            }
            if (o.help()) {
                b.append(".help(true)");
            }
            if (o.negatable()) {
                b.append(".negatable(true)");
            }
            if (o.order() != -1) {
                b.append(".order(").append(o.order()).append(')');
            }
            String fallback = rawField(o, "originalFallbackValue");
            if (!fallback.isEmpty()) {
                check(fallback.equals(CommandLine.Option.NULL_VALUE) ? "fallbackValue _NULL_" : null, field);
                b.append(".fallbackValue(").append(literal(fallback)).append(')');
            }
        } else {
            PositionalParamSpec p = (PositionalParamSpec) arg;
            b.append("PositionalParamSpec.builder().index(").append(range(p.index())).append(')');
        }
        b.append("\n                .type(").append(sourceName(arg.type())).append(".class)");
        if (arg.auxiliaryTypes().length > 0) {
            b.append(".auxiliaryTypes(");
            for (int i = 0; i < arg.auxiliaryTypes().length; i++) {
                b.append(i > 0 ? ", " : "").append(sourceName(arg.auxiliaryTypes()[i])).append(".class");
            }
            b.append(')');
        }
        b.append(".arity(").append(range(arg.arity())).append(')');
        b.append(".paramLabel(").append(literal(rawField(arg, "paramLabel"))).append(')');
        if (arg.hideParamSyntax()) {
            b.append(".hideParamSyntax(true)");
        }
        // An exclusive group made this required, remembering that in originallyRequired; it does so again.
        boolean required = arg.required() && !(arg.group() != null && arg.originallyRequired());
        if (required) {
            b.append(".required(true)");
        }
        if (arg.hidden()) {
            b.append(".hidden(true)");
        }
        check(arg.interactive() || arg.echo() ? "interactive options" : null, field);
        String prompt = rawField(arg, "prompt");
        if (prompt != null) {
            b.append(".prompt(").append(literal(prompt)).append(')');
        }
        String[] description = rawField(arg, "description");
        if (description.length > 0) {
            b.append("\n                .description(").append(strings(description)).append(')');
        }
        String descriptionKey = rawField(arg, "descriptionKey");
        if (descriptionKey != null) {
            b.append(".descriptionKey(").append(literal(descriptionKey)).append(')');
        }
        String split = rawField(arg, "splitRegex");
        if (!split.isEmpty()) {
            b.append(".splitRegex(").append(literal(split)).append(')');
        }
        String splitLabel = rawField(arg, "splitRegexSynopsisLabel");
        if (!splitLabel.isEmpty()) {
            b.append(".splitRegexSynopsisLabel(").append(literal(splitLabel)).append(')');
        }
        String defaultValue = rawField(arg, "defaultValue");
        String originalDefault = rawField(arg, "originalDefaultValue");
        check(CommandLine.Option.NULL_VALUE.equals(originalDefault) ? "defaultValue _NULL_" : null, field);
        if (defaultValue != null) {
            b.append(".defaultValue(").append(literal(defaultValue)).append(')');
        }
        String mapFallback = rawField(arg, "originalMapFallbackValue");
        check(!mapFallback.equals("__unspecified__") ? "mapFallbackValue" : null, field);
        if (arg.showDefaultValue() != Help.Visibility.ON_DEMAND) {
            b.append(".showDefaultValue(Help.Visibility.").append(arg.showDefaultValue().name()).append(')');
        }
        if (arg.scopeType() != ScopeType.LOCAL) {
            b.append(".scopeType(ScopeType.").append(arg.scopeType().name()).append(')');
        }
        Class<?>[] converters = option != null ? option.converter() : parameters != null ? parameters.converter() : new Class<?>[0];
        if (converters.length > 0) {
            b.append("\n                .converters(");
            for (int i = 0; i < converters.length; i++) {
                b.append(i > 0 ? ", " : "").append("new ").append(sourceName(converters[i])).append("()");
            }
            b.append(')');
        }
        Class<?> candidates = option != null ? option.completionCandidates()
                : parameters != null ? parameters.completionCandidates() : null;
        if (candidates != null && !picocliDefault(candidates)) {
            b.append(".completionCandidates(new ").append(sourceName(candidates)).append("())");
        }
        check(option != null && !picocliDefault(option.parameterConsumer())
                || parameters != null && !picocliDefault(parameters.parameterConsumer()) ? "parameterConsumer" : null, field);
        check(option != null && !picocliDefault(option.preprocessor())
                || parameters != null && !picocliDefault(parameters.preprocessor()) ? "preprocessor" : null, field);
        if (field == null) {
            b.append(".initialValue(").append(value(arg.initialValue(), arg)).append(')');
        } else {
            // picocli reads the initial value from the field (of a group's first object, when it makes that)
            return "CommandModel.bind(" + b + ",\n                " + bound(field, target) + ")"
                    + (groupInitial == null ? "" : ".initialValue(" + groupInitial + "." + field.getName() + ")")
                    + ".build()";
        }
        return b.append(".build()").toString();
    }

    /** Whether an annotation's class attribute is at its default, one of picocli's private placeholder classes. */
    private static boolean picocliDefault(Class<?> type) {
        return type.getDeclaringClass() == CommandLine.class && Modifier.isPrivate(type.getModifiers());
    }

    private String bound(Field field, String target) {
        check(Modifier.isPrivate(field.getModifiers()) || Modifier.isFinal(field.getModifiers())
                ? "private or final fields (make it package-private)" : null, field);
        int index = fields.indexOf(field);
        if (index < 0) {
            index = fields.size();
            fields.add(field);
        }
        return "new Bound(" + target + ", " + index + ")";
    }

    @SuppressWarnings("unchecked")
    private static <T> T rawField(Object object, String name) throws ReflectiveOperationException {
        for (Class<?> type = object.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(object);
            } catch (NoSuchFieldException e) {
                // declared in a superclass
            }
        }
        throw new NoSuchFieldException(object.getClass() + "." + name);
    }

    private static String range(Range range) {
        return "new Range(" + range.min() + ", " + range.max() + ", " + range.isVariable() + ", " + range.isUnspecified()
                + ", " + (range.originalValue() == null ? "null" : literal(range.originalValue())) + ")";
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    private static String sourceName(Class<?> type) {
        if (type.isArray()) {
            return sourceName(type.getComponentType()) + "[]";
        }
        String name = type.getCanonicalName();
        return name.startsWith(PACKAGE + ".") ? name.substring(PACKAGE.length() + 1) : name;
    }

    private static String strings(String[] values) {
        StringBuilder sb = new StringBuilder("new String[] {");
        for (int i = 0; i < values.length; i++) {
            sb.append(i > 0 ? ", " : "").append(literal(values[i]));
        }
        return sb.append('}').toString();
    }

    /** A Java literal, ASCII only (\\uXXXX for the rest), as javac writes constants. */
    private static String literal(Object constant) {
        return ELEMENTS.getConstantExpression(constant);
    }
}
