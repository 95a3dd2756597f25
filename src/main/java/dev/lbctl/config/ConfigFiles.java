package dev.lbctl.config;

import dev.lbctl.i18n.Messages;
import dev.lbctl.i18n.Sentence;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import dev.lbctl.pool.GoQuote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads MetalLB configuration files: either the legacy configuration (the text of ConfigMap
 * {@code metallb-system/config} key {@code config}, or the whole ConfigMap manifest) or MetalLB custom resources
 * (several documents, or {@code kind: List}). Other Kubernetes objects are skipped with a warning. Every problem is
 * an {@link InvalidInputException} naming the file, the line and the value.
 */
public final class ConfigFiles {

    private static final String METALLB_NAMESPACE = "metallb-system";

    private final ConfigBuilder out = new ConfigBuilder();
    private String legacyAt;
    private String resourcesAt;
    /** Objects that are not MetalLB configuration, named in the error when nothing else was found. */
    private final List<String> ignored = new ArrayList<>();

    private ConfigFiles() {
    }

    public static MetalLbConfig read(List<Path> files) {
        ConfigFiles reader = new ConfigFiles();
        for (Path file : files) {
            reader.readText(YamlDocuments.readText(file), file.toString());
        }
        return reader.finish(files.stream().map(Path::toString).toList());
    }

    /** Reads configuration text; {@code source} names it in messages (a file name, or e.g. "--config"). */
    public static MetalLbConfig read(String text, String source) {
        ConfigFiles reader = new ConfigFiles();
        reader.readText(text, source);
        return reader.finish(List.of(source));
    }

    private MetalLbConfig finish(List<String> sources) {
        if (legacyAt != null) {
            return out.build(ConfigStyle.LEGACY_CONFIGMAP);
        }
        if (resourcesAt != null) {
            return out.build(ConfigStyle.CRD);
        }
        String found = ignored.isEmpty() ? "" : Messages.get("configFiles.only", String.join(", ", ignored));
        throw new InvalidInputException(Messages.get("configFiles.noConfiguration", String.join(", ", sources), found));
    }

    private void readText(String text, String file) {
        for (Node document : YamlDocuments.compose(text, file)) {
            // An empty (or null) document, e.g. after a trailing "---", is skipped, as kubectl and MetalLB do.
            if (GoYaml.resolve(document).kind() == GoYaml.Kind.NULL) {
                continue;
            }
            for (Node object : listItems(document)) {
                readDocument(object, file);
            }
        }
    }

    /** A {@code kind: List} (or any *List with items) stands for its items. */
    private static List<Node> listItems(Node document) {
        if (document instanceof MappingNode mapping) {
            String kind = scalarField(mapping, "kind");
            Node items = field(mapping, "items");
            if (kind != null && kind.endsWith("List") && items instanceof SequenceNode seq) {
                return seq.getValue();
            }
        }
        return List.of(document);
    }

    private void readDocument(Node document, String file) {
        String where = file + ":" + GoYaml.line(document);
        if (!(document instanceof MappingNode mapping)) {
            throw new InvalidInputException(Messages.get("configFiles.notAMapping", where, describe(document)));
        }
        String apiVersion = scalarField(mapping, "apiVersion");
        String kind = scalarField(mapping, "kind");
        if (apiVersion == null && kind == null) {
            startLegacy(where);
            ConfigMapReader.read(document, file, 0, out);
        } else if (ResourceReader.isMetalLbGroup(apiVersion)) {
            startResources(where);
            ResourceReader.read(document, apiVersion, kind == null ? "" : kind, file, out);
        } else if ("ConfigMap".equals(kind) && "v1".equals(apiVersion) && configText(mapping) != null) {
            readConfigMap(mapping, file);
        } else {
            String what = (kind == null ? Messages.get("configFiles.objectWithoutKind") : plain(kind)) + nameSuffix(mapping)
                    + " (" + plain(apiVersion) + ")";
            ignored.add(Messages.get("configFiles.atLine", what, GoYaml.line(document)));
            out.warnings.add(Problem.readWarning("ignored-object", kind == null
                    ? Sentence.of("problem.ignoredObjectWithoutKind", where, nameSuffix(mapping), plain(apiVersion))
                    : Sentence.of("problem.ignoredObject", where, plain(kind) + nameSuffix(mapping), plain(apiVersion))));
        }
    }

    private void readConfigMap(MappingNode configMap, String file) {
        MappingNode metadata = field(configMap, "metadata") instanceof MappingNode m ? m : null;
        String name = metadata == null ? null : scalarField(metadata, "name");
        String namespace = metadata == null ? null : scalarField(metadata, "namespace");
        Node config = configText(configMap);
        int keyLine = GoYaml.line(config);
        String where = file + ":" + keyLine;
        startLegacy(where);
        if (!(config instanceof ScalarNode text)) {
            throw new InvalidInputException(Messages.get("configFiles.configNotAString", where, name, describe(config)));
        }
        String id = (namespace == null ? METALLB_NAMESPACE : namespace) + "/" + name;
        if (!"config".equals(name)) {
            out.warnings.add(Problem.readWarning("configmap-name", Sentence.of("problem.configMapName", where, id)));
        }
        if (namespace != null && !namespace.equals(METALLB_NAMESPACE)) {
            out.warnings.add(Problem.readWarning("foreign-namespace",
                    Sentence.of("problem.configMapNamespace", where, id, METALLB_NAMESPACE)));
        }
        // For a block scalar (config: |) the text starts on the line after the key.
        boolean block = text.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || text.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
        int lineOffset = block ? keyLine : keyLine - 1;
        String source = where + " (ConfigMap " + id + ", data.config)";
        List<Node> documents;
        try {
            documents = YamlDocuments.compose(text.getValue(), source);
        } catch (InvalidInputException e) {
            // The ConfigMap itself is fine (kubectl applies it); its text is what MetalLB refuses, in yaml.v2's words.
            String metallbError = e.getCause() instanceof MarkedYAMLException marked ? ConfigMapReader.syntaxError(marked) : null;
            if (metallbError == null) {
                throw e;
            }
            out.warnings.add(Problem.error(metallbError, null));
            return;
        }
        // yaml.v2's Unmarshal reads the first document only.
        if (!documents.isEmpty()) {
            ConfigMapReader.read(documents.get(0), file, lineOffset, out);
        }
    }

    private void startLegacy(String where) {
        if (resourcesAt != null) {
            throw mixed(where, resourcesAt);
        }
        if (legacyAt != null) {
            throw new InvalidInputException(Messages.get("configFiles.secondConfigMap", where, legacyAt));
        }
        legacyAt = where;
    }

    private void startResources(String where) {
        if (legacyAt != null) {
            throw mixed(legacyAt, where);
        }
        if (resourcesAt == null) {
            resourcesAt = where;
        }
    }

    private static InvalidInputException mixed(String legacy, String resource) {
        return new InvalidInputException(Messages.get("configFiles.mixed", legacy, resource));
    }

    private static Node configText(MappingNode configMap) {
        return field(configMap, "data") instanceof MappingNode data ? field(data, "config") : null;
    }

    private static Node field(MappingNode mapping, String key) {
        return GoYaml.entries(mapping).stream().filter(t -> GoYaml.keyText(t).equals(key)).map(t -> t.getValueNode())
                .findFirst().orElse(null);
    }

    private static String scalarField(MappingNode mapping, String key) {
        return field(mapping, key) instanceof ScalarNode s ? s.getValue() : null;
    }

    /** A value as is, or quoted when it has spaces or control characters, so that a message stays one line. */
    private static String plain(String value) {
        return value == null || value.chars().allMatch(c -> c > ' ' && c < 127) ? value : GoQuote.q(value);
    }

    private static String nameSuffix(MappingNode object) {
        String name = field(object, "metadata") instanceof MappingNode m ? scalarField(m, "name") : null;
        return name == null ? "" : " " + GoQuote.q(name);
    }

    private static String describe(Node node) {
        return switch (GoYaml.resolve(node).kind()) {
            case SEQ -> Messages.get("configFiles.aList");
            case MAP -> Messages.get("configFiles.aMapping");
            default -> Messages.get("configFiles.scalar", GoQuote.q(((ScalarNode) node).getValue()));
        };
    }
}
