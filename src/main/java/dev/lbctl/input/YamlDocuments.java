package dev.lbctl.input;

import dev.lbctl.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Loads user YAML safely: size-limited, strict UTF-8, no duplicate keys, no arbitrary types, bounded aliases. Every
 * failure becomes an {@link InvalidInputException} naming the source and, where YAML gives one, the line.
 */
public final class YamlDocuments {

    /** Larger inputs are refused before parsing; real MetalLB configs and Service lists are far smaller. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private YamlDocuments() {
    }

    /** Reads a file (or standard input for "-") and returns its non-empty documents. */
    public static List<Object> load(Path file) {
        return parse(readText(file), file.toString());
    }

    /**
     * Reads at most {@link #MAX_BYTES} from a file, a pipe, a device or standard input ({@code -}): the size of a pipe
     * or device is unknown in advance, so the bound is enforced while reading, never after.
     */
    public static String readText(Path file) {
        boolean stdin = file.toString().equals("-");
        String name = stdin ? "standard input" : file.toString();
        byte[] bytes;
        try (InputStream in = stdin ? System.in : Files.newInputStream(file)) {
            if (!stdin && Files.isDirectory(file)) {
                throw new InvalidInputException(Messages.get("input.directory", file));
            }
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(Messages.get("input.noFile", file));
        } catch (IOException e) {
            throw new InvalidInputException(Messages.get("input.unreadable", name, e.getMessage()), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException(Messages.get("input.tooLarge", name, MAX_BYTES));
        }
        return decodeUtf8(bytes, name);
    }

    public static String decodeUtf8(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int offset = firstInvalidUtf8Offset(bytes);
            throw new InvalidInputException(Messages.get("input.notUtf8", source, String.format("%02x", bytes[offset] & 0xff),
                    offset, lineAt(bytes, offset)));
        }
    }

    /** Parses YAML text that came from {@code source} (a file name or a description such as "--pool"). */
    public static List<Object> parse(String text, String source) {
        return parse(text, source, new Resolver());
    }

    /**
     * As {@link #parse(String, String)}, resolving plain scalars as Go's yaml.v2 does, which MetalLB decodes its
     * ConfigMap with: it has no YAML 1.1 base-60 numbers, so {@code 64512:10} (a BGP community) stays a string
     * instead of becoming the number 3870730, and is written back as it was.
     */
    public static List<Object> parseLikeYamlV2(String text, String source) {
        return parse(text, source, new NoBase60Resolver());
    }

    /** The resolver of {@link #parseLikeYamlV2}, for dumping what it read. */
    public static Resolver yamlV2Resolver() {
        return new NoBase60Resolver();
    }

    private static List<Object> parse(String text, String source, Resolver resolver) {
        Yaml yaml = new Yaml(new SafeConstructor(loaderOptions()), new Representer(new DumperOptions()), new DumperOptions(),
                loaderOptions(), resolver);
        List<Object> docs = new ArrayList<>();
        try {
            for (Object doc : yaml.loadAll(text)) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (YAMLException e) {
            throw malformed(e, source);
        }
        return docs;
    }

    /**
     * Composes YAML text into node trees (one per non-empty document) with the same limits as {@link #parse}, for
     * readers that need line numbers and scalars exactly as written. Duplicate keys are not rejected at this stage:
     * nodes are not constructed, so the reader decides how to report them.
     */
    public static List<Node> compose(String text, String source) {
        Yaml yaml = new Yaml(new SafeConstructor(loaderOptions()));
        List<Node> docs = new ArrayList<>();
        try {
            for (Node doc : yaml.composeAll(new StringReader(text))) {
                if (doc != null) {
                    docs.add(doc);
                }
            }
        } catch (YAMLException e) {
            throw malformed(e, source);
        }
        return docs;
    }

    /** snakeyaml's YAML 1.1 resolver without the sexagesimal forms of int and float. */
    private static final class NoBase60Resolver extends Resolver {
        private static final Pattern INT_NO_BASE60 = Pattern.compile(
                "^(?:[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*)$");
        private static final Pattern FLOAT_NO_BASE60 = Pattern.compile(
                "^([-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
                        + "|[-+]?\\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT_NO_BASE60, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT_NO_BASE60, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
            addImplicitResolver(Tag.TIMESTAMP, TIMESTAMP, "0123456789");
            addImplicitResolver(Tag.YAML, YAML, "!&*");
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit((int) MAX_BYTES);
        options.setNestingDepthLimit(100);
        return options;
    }

    private static InvalidInputException malformed(YAMLException e, String source) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String where = mark == null ? source : source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getMessage();
            return new InvalidInputException(Messages.get("input.malformedYaml", where, oneLine(problem)), e);
        }
        return new InvalidInputException(Messages.get("input.malformedYaml", source, oneLine(e.getMessage())), e);
    }

    /** Expands a Kubernetes {@code kind: List} (or any {@code items} list document) into its items. */
    @SuppressWarnings("unchecked")
    public static List<Object> flattenLists(List<Object> docs) {
        List<Object> out = new ArrayList<>();
        for (Object doc : docs) {
            if (doc instanceof Map<?, ?> map && map.get("kind") instanceof String kind && kind.endsWith("List")
                    && map.get("items") instanceof List<?> items) {
                out.addAll((List<Object>) items);
            } else {
                out.add(doc);
            }
        }
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? Messages.get("error.unknown") : s.replaceAll("\\s+", " ").trim();
    }

    private static int firstInvalidUtf8Offset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), bytes.length - 1) : 0;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
