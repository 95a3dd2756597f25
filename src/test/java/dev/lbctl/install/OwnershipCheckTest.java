package dev.lbctl.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.inventory.ApplySet;
import dev.lbctl.inventory.ObjectRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnershipCheckTest {

    private static final String NS = "metallb-system";
    private final ApplySet applySet = new ApplySet(NS);

    private static Map<String, Object> object(String apiVersion, String kind, String namespace, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.put("metadata", metadata);
        if (spec != null) {
            o.put("spec", spec);
        }
        return o;
    }

    private static Map<String, Object> pool(String name, String... addresses) {
        return object("metallb.io/v1beta1", "IPAddressPool", NS, name, Map.of("addresses", List.of(addresses)));
    }

    private static Map<ObjectRef, Map<String, Object>> existing(List<Map<String, Object>> objects) {
        Map<ObjectRef, Map<String, Object>> found = new LinkedHashMap<>();
        objects.forEach(o -> found.put(ObjectRef.of(o), o));
        return found;
    }

    @Test
    void aPoolOfSomeoneElsesWithTheSameNameIsRefusedNamingItAndTheWayOut() {
        Map<String, Object> theirs = pool("shared", "10.0.0.0/24");

        OwnershipCheck.Decision d = OwnershipCheck.decide(List.of(), List.of(pool("shared", "10.1.0.0/24")), Set.of(),
                existing(List.of(theirs)), List.of(), applySet, false, false);

        assertThat(d.conflicts()).singleElement().asString()
                .contains("IPAddressPool metallb-system/shared exists and lbctl did not create it", "--adopt", "another name");
        assertThat(d.apply()).isEmpty();
    }

    @Test
    void adoptTakesItOverAndSaysSo() {
        OwnershipCheck.Decision d = OwnershipCheck.decide(List.of(), List.of(pool("shared", "10.1.0.0/24")), Set.of(),
                existing(List.of(pool("shared", "10.0.0.0/24"))), List.of(), applySet, true, false);

        assertThat(d.conflicts()).isEmpty();
        assertThat(d.adopted()).extracting(ObjectRef::describe).containsExactly("IPAddressPool metallb-system/shared");
        assertThat(d.apply()).allMatch(applySet::isMember);
    }

    @Test
    void aMetalLbLbctlDidNotInstallIsRefusedOnceWithExamples() {
        Map<String, Object> ns = object("v1", "Namespace", null, NS, null);
        Map<String, Object> controller = object("apps/v1", "Deployment", NS, "controller", null);

        OwnershipCheck.Decision d = OwnershipCheck.decide(List.of(ns, controller), List.of(), Set.of(),
                existing(List.of(ns, controller)), List.of(), applySet, false, false);

        assertThat(d.conflicts()).singleElement().asString()
                .contains("MetalLB is already installed here and lbctl did not install it", "Deployment metallb-system/controller",
                        "--pools-only", "--adopt");
    }

    @Test
    void lbctlsOwnObjectsAreUpdatedAndThoseNoLongerWantedArePrunedAdvertisementsFirst() {
        Map<String, Object> oldPool = applySet.asMember(pool("default", "10.0.0.0/24"));
        Map<String, Object> oldAd = applySet.asMember(object("metallb.io/v1beta1", "L2Advertisement", NS, "default-l2", Map.of()));
        Map<String, Object> crd = applySet.asMember(object("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, "old.metallb.io", null));

        OwnershipCheck.Decision d = OwnershipCheck.decide(List.of(), List.of(pool("web", "10.0.0.0/24")), Set.of(),
                existing(List.of()), List.of(oldPool, oldAd, crd), applySet, false, false);

        assertThat(d.conflicts()).isEmpty();
        assertThat(d.prune()).extracting(o -> ObjectRef.of(o).describe())
                .as("CRDs are never pruned by install; advertisements go before pools")
                .containsExactly("L2Advertisement metallb-system/default-l2", "IPAddressPool metallb-system/default");
        assertThat(d.poolOrder()).as("the renamed pool has the same range, so the old one goes right before it")
                .singleElement().satisfies(step -> {
                    assertThat(ObjectRef.of(step.pool()).name()).isEqualTo("web");
                    assertThat(step.deleteFirst()).extracting(o -> ObjectRef.of(o).name()).containsExactly("default");
                });
    }

    @Test
    void poolsOnlyPrunesOnlyConfiguration() {
        Map<String, Object> deployment = applySet.asMember(object("apps/v1", "Deployment", NS, "controller", null));
        Map<String, Object> oldPool = applySet.asMember(pool("old", "10.9.0.0/24"));

        OwnershipCheck.Decision d = OwnershipCheck.decide(List.of(), List.of(pool("web", "10.0.0.0/24")), Set.of(),
                existing(List.of()), List.of(deployment, oldPool), applySet, false, true);

        assertThat(d.prune()).extracting(o -> ObjectRef.of(o).describe()).containsExactly("IPAddressPool metallb-system/old");
        assertThat(d.poolOrder()).as("no overlap, nothing to delete early").allMatch(step -> step.deleteFirst().isEmpty());
    }

    @Test
    void poolsThatMoveToEachOthersRangesGoInAnOrderThatFreesEachRangeFirst() {
        Map<String, Object> lan = applySet.asMember(pool("lan", "10.0.0.16/29"));
        Map<String, Object> web = applySet.asMember(pool("web", "10.0.0.8/29"));

        OwnershipCheck.Decision chain = OwnershipCheck.decide(List.of(),
                List.of(pool("a", "10.0.0.16/29"), pool("lan", "10.0.0.0/29")), Set.of(), existing(List.of()),
                List.of(lan, web), applySet, false, false);

        assertThat(chain.poolOrder()).extracting(step -> ObjectRef.of(step.pool()).name()).containsExactly("lan", "a");
        assertThat(chain.poolOrder()).allMatch(step -> step.deleteFirst().isEmpty());

        OwnershipCheck.Decision swap = OwnershipCheck.decide(List.of(),
                List.of(pool("lan", "10.0.0.8/29"), pool("web", "10.0.0.16/29")), Set.of(), existing(List.of()),
                List.of(lan, web), applySet, false, false);

        assertThat(swap.poolOrder()).as("a cycle: one of them makes way and is created again at its turn")
                .extracting(step -> ObjectRef.of(step.pool()).name() + " after " + step.deleteFirst().stream()
                        .map(o -> ObjectRef.of(o).name()).toList())
                .containsExactly("lan after [web]", "web after []");
    }
}
