package dev.lbctl.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ApplySetTest {

    private final ApplySet applySet = new ApplySet("metallb-system");

    /** The KEP's formula, computed independently (Python's hashlib and base64.urlsafe_b64encode without padding). */
    @Test
    void idFollowsKep3659() {
        assertThat(applySet.id()).isEqualTo("applyset-73unOy41QCyjEp9c1ICpDn4gRojrqjBZcy2W5As2Asc-v1");
    }

    @Test
    void membersCarryThePartOfLabelAndKeepTheirOwnLabels() {
        Map<String, Object> pool = Map.of("apiVersion", "metallb.io/v1beta1", "kind", "IPAddressPool",
                "metadata", Map.of("name", "web", "namespace", "metallb-system", "labels", Map.of("team", "a")));
        assertThat(applySet.isMember(pool)).isFalse();

        Map<String, Object> member = applySet.asMember(pool);

        assertThat(applySet.isMember(member)).isTrue();
        assertThat(member).extracting(m -> ((Map<?, ?>) ((Map<?, ?>) m.get("metadata")).get("labels")))
                .isEqualTo(Map.of("team", "a", ApplySet.PART_OF_LABEL, applySet.id()));
        assertThat(applySet.isMember(pool)).as("the input is not changed").isFalse();
    }

    @Test
    void theInventoryRoundTripsThroughItsParent() {
        Inventory inventory = new Inventory(new TreeSet<>(List.of("Namespace", "IPAddressPool.metallb.io", "Deployment.apps")),
                Optional.of("v0.16.1"), Optional.of("address-pools: []\n# mine\n"));

        Map<String, Object> parent = inventory.toParent(applySet);

        assertThat(ObjectRef.of(parent)).isEqualTo(applySet.parent());
        assertThat(((Map<?, ?>) ((Map<?, ?>) parent.get("metadata")).get("annotations")).get(ApplySet.GROUP_KINDS_ANNOTATION))
                .isEqualTo("Deployment.apps,IPAddressPool.metallb.io,Namespace");
        assertThat(Inventory.fromParent(parent)).isEqualTo(inventory);
    }

    @Test
    void objectRefsNameGroupKindsAsKubectlDoes() {
        ObjectRef crd = new ObjectRef("apiextensions.k8s.io", "CustomResourceDefinition", null, "ipaddresspools.metallb.io");
        assertThat(crd.groupKind()).isEqualTo("CustomResourceDefinition.apiextensions.k8s.io");
        assertThat(crd.describe()).isEqualTo("CustomResourceDefinition ipaddresspools.metallb.io");
        assertThat(new ObjectRef("", "Namespace", "", "x").groupKind()).isEqualTo("Namespace");
        assertThat(new ObjectRef("metallb.io", "IPAddressPool", "metallb-system", "theirs").kubectlDelete())
                .isEqualTo("kubectl delete ipaddresspool.metallb.io theirs -n metallb-system");
    }
}
