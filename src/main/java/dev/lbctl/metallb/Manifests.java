package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects of a release's verified manifests, in apply order (by {@link ApplyPhase}, upstream order within one). */
public final class Manifests {

    private final List<ManifestObject> objects;

    private Manifests(List<ManifestObject> objects) {
        // List.sort is stable, so upstream order is kept within a phase.
        List<ManifestObject> ordered = new ArrayList<>(objects);
        ordered.sort(Comparator.comparing(o -> ApplyPhase.of(o.kind())));
        this.objects = List.copyOf(ordered);
    }

    /** The objects of one manifest file; {@code source} names it in error messages. */
    public static Manifests parse(String source, byte[] yaml) {
        return new Manifests(objectsOf(source, yaml));
    }

    /** All files of a release, read (and verified) from {@code source}. */
    public static Manifests load(MetalLbRelease release, ManifestSource source) {
        List<ManifestObject> objects = new ArrayList<>();
        for (ReleaseFile file : release.files()) {
            objects.addAll(objectsOf(release.tag() + "/" + file.name(), source.read(release, file)));
        }
        return new Manifests(objects);
    }

    public List<ManifestObject> objects() {
        return objects;
    }

    /** The objects the cluster serves, and those it does not (to warn about, e.g. PodSecurityPolicy on 1.25+). */
    public record ServedSplit(List<ManifestObject> served, List<ManifestObject> skipped) {
    }

    public ServedSplit splitByServed(ServedApis cluster) {
        List<ManifestObject> served = new ArrayList<>();
        List<ManifestObject> skipped = new ArrayList<>();
        for (ManifestObject object : objects) {
            (cluster.serves(object.apiVersion(), object.kind()) ? served : skipped).add(object);
        }
        return new ServedSplit(List.copyOf(served), List.copyOf(skipped));
    }

    private static List<ManifestObject> objectsOf(String source, byte[] yaml) {
        List<Object> docs = YamlDocuments.flattenLists(YamlDocuments.parse(YamlDocuments.decodeUtf8(yaml, source), source));
        List<ManifestObject> objects = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            objects.add(objectOf(source, i + 1, docs.get(i)));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    private static ManifestObject objectOf(String source, int number, Object doc) {
        if (doc instanceof Map<?, ?> map
                && map.get("apiVersion") instanceof String apiVersion
                && map.get("kind") instanceof String kind
                && map.get("metadata") instanceof Map<?, ?> metadata
                && metadata.get("name") instanceof String name) {
            Optional<String> namespace = metadata.get("namespace") instanceof String ns ? Optional.of(ns) : Optional.empty();
            return new ManifestObject(apiVersion, kind, name, namespace, (Map<String, Object>) map);
        }
        throw new InvalidInputException(Messages.get("manifests.notAnObject", source, number));
    }
}
