package dev.lbctl.cli;

import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.IScope;
import picocli.CommandLine.Model.IScoped;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli model of each command, built without reading an annotation. picocli's own way reads them at run time,
 * and for each annotation type the JDK defines a proxy class that no startup archive can hold (some milliseconds
 * each, 7 of them before {@code --version} prints). The annotations stay the one place options are declared: at
 * build time src/build/CommandModelGenerator.java reads the model picocli makes of them and writes
 * {@code GeneratedCommandModel}, which builds the same model with picocli's programmatic API (CommandModelTest
 * compares the two, attribute by attribute). It is compiled after the rest of lbctl, so it is found by name.
 */
abstract class CommandModel {

    static final CommandModel GENERATED = load();

    /** A new model of the command {@code type}, with a new instance of it as its user object; no subcommands. */
    abstract CommandSpec spec(Class<?> type);

    /** The command as the root's help lists it: its names and usage message, none of its options. */
    abstract CommandSpec summary(Class<?> type);

    /** The command's name, then its aliases. */
    abstract String[] names(Class<?> type);

    /** picocli's -h/--help and -V/--version, as {@code mixinStandardHelpOptions} adds them. */
    abstract CommandSpec standardHelpOptions();

    private static CommandModel load() {
        try {
            Class<?> generated = Class.forName("dev.lbctl.cli.GeneratedCommandModel");
            return (CommandModel) generated.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e); // a build without Maven's process-classes phase: a bug, not user input
        }
    }

    /** The object whose fields the options of one command, mixin or argument group are stored in. */
    static final class Target implements IScope {
        private Object object;

        Target(Object object) {
            this.object = object;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) object;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            T old = (T) object;
            object = value;
            return old;
        }
    }

    /**
     * One annotated field of the object in a {@link Target}, numbered by the generated code, which reads and writes it
     * in a switch: one class for every field instead of a class or a lambda each. An argument group's fields share a
     * Target that picocli points at the group's object when it makes one.
     */
    abstract static class Field implements IGetter, ISetter, IScoped {
        private final Target target;
        private final int field;

        Field(Target target, int field) {
            this.target = target;
            this.field = field;
        }

        abstract Object read(Object object, int field);

        abstract void write(Object object, int field, Object value);

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) read(target.get(), field);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            Object object = target.get();
            T old = (T) read(object, field);
            write(object, field, value);
            return old;
        }

        private Object initialValue() {
            return target.get() == null ? null : get();
        }

        @Override
        public IScope getScope() {
            return target;
        }
    }

    /** Binds an option to {@code field}; its initial value is the field's (none yet for an argument group's option). */
    static OptionSpec.Builder bind(OptionSpec.Builder option, Field field) {
        return option.getter(field).setter(field).scope(field.target).initialValue(field.initialValue());
    }

    static PositionalParamSpec.Builder bind(PositionalParamSpec.Builder positional, Field field) {
        return positional.getter(field).setter(field).scope(field.target).initialValue(field.initialValue());
    }

    /** Binds an argument group to the field that holds its object. */
    static void bind(ArgGroupSpec.Builder group, Field field) {
        group.getter(field).setter(field).scope(field.target);
    }

    /** The type of an argument group's object, as picocli describes a class (neither a collection nor an array). */
    static ITypeInfo typeOf(Class<?> type) {
        return PositionalParamSpec.builder().type(type).build().typeInfo();
    }
}
