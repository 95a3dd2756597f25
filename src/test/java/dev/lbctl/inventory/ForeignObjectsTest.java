package dev.lbctl.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForeignObjectsTest {

    private static final String NS = "metallb-system";
    private final ApplySet applySet = new ApplySet(NS);

    private static Map<String, Object> object(String apiVersion, String kind, String name, String uid, String ownerUid) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", NS);
        metadata.put("uid", uid);
        if (ownerUid != null) {
            metadata.put("ownerReferences", List.of(Map.of("uid", ownerUid, "kind", "X", "name", "x")));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        o.put("metadata", metadata);
        return o;
    }

    private static List<String> names(List<Map<String, Object>> objects) {
        return objects.stream().map(o -> ObjectRef.of(o).describe()).toList();
    }

    @Test
    void whatLbctlAndItsWorkloadsMadeIsNotForeign() {
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(applySet.asMember(object("apps/v1", "Deployment", "controller", "d1", null)));
        objects.add(object("apps/v1", "ReplicaSet", "controller-abc", "r1", "d1"));
        objects.add(object("v1", "Pod", "controller-abc-x", "p1", "r1"));
        objects.add(applySet.asMember(object("v1", "Service", "metallb-webhook-service", "s1", null)));
        objects.add(object("v1", "Endpoints", "metallb-webhook-service", "e1", null));
        objects.add(object("discovery.k8s.io/v1", "EndpointSlice", "metallb-webhook-service-x", "es1", "s1"));
        objects.add(object("v1", "ConfigMap", "kube-root-ca.crt", "c1", null));
        objects.add(object("v1", "ServiceAccount", "default", "sa1", null));
        objects.add(object("v1", "Secret", "memberlist", "m1", null));
        objects.add(object("metallb.io/v1beta1", "ServiceL2Status", "l2-abc", "l1", null));
        objects.add(new Inventory(new java.util.TreeSet<>(), java.util.Optional.empty(), java.util.Optional.empty()).toParent(applySet));

        assertThat(ForeignObjects.among(objects, applySet)).isEmpty();
    }

    @Test
    void theUsersObjectsAndWhatTheyOwnAreForeign() {
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(applySet.asMember(object("apps/v1", "Deployment", "controller", "d1", null)));
        objects.add(object("metallb.io/v1beta1", "IPAddressPool", "theirs", "u1", null));
        objects.add(object("v1", "ConfigMap", "notes", "u2", null));
        objects.add(object("v1", "Endpoints", "their-service", "u3", null));
        objects.add(object("v1", "Pod", "their-pod", "u4", "someone-elses-uid"));

        assertThat(names(ForeignObjects.among(objects, applySet))).containsExactly(
                "IPAddressPool metallb-system/theirs", "ConfigMap metallb-system/notes",
                "Endpoints metallb-system/their-service", "Pod metallb-system/their-pod");
    }
}
