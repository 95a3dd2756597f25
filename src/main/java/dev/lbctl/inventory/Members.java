package dev.lbctl.inventory;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ServedKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads lbctl's inventory from a cluster: the ApplySet parent and every object labelled as its member, found the way
 * {@code kubectl apply --prune} finds them (by label, in each group-kind the parent lists).
 */
public final class Members {

    private final Cluster cluster;
    private final ApplySet applySet;
    private final ServedKinds served;

    public Members(Cluster cluster, ApplySet applySet, ServedKinds served) {
        this.cluster = cluster;
        this.applySet = applySet;
        this.served = served;
    }

    public Optional<Inventory> inventory() {
        ObjectRef parent = applySet.parent();
        return cluster.get("v1", "ConfigMap", parent.namespace(), parent.name())
                .filter(cm -> applySet.id().equals(dev.lbctl.cluster.Fields.map(dev.lbctl.cluster.Fields.map(cm, "metadata"), "labels")
                        .get(ApplySet.ID_LABEL)))
                .map(Inventory::fromParent);
    }

    /** The members of these group-kinds (those the server no longer serves have none). */
    public List<Map<String, Object>> list(Collection<String> groupKinds) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (String groupKind : new TreeSet<>(groupKinds)) {
            Optional<ServedKind> kind = served.find(groupKind);
            if (kind.isPresent()) {
                members.addAll(cluster.list(kind.get(), null, applySet.memberSelector()));
            }
        }
        return members;
    }
}
