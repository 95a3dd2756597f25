package dev.lbctl.inventory;

import dev.lbctl.cluster.ServedKind;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The server's kinds by group-kind, read once per command (discovery is dozens of requests). */
public final class ServedKinds {

    private final Map<String, ServedKind> byGroupKind = new LinkedHashMap<>();

    public ServedKinds(Collection<ServedKind> kinds) {
        kinds.forEach(k -> byGroupKind.putIfAbsent(k.groupKind(), k));
    }

    public Optional<ServedKind> find(String groupKind) {
        return Optional.ofNullable(byGroupKind.get(groupKind));
    }

    public boolean serves(ObjectRef ref) {
        return byGroupKind.containsKey(ref.groupKind());
    }

    /** Every namespaced kind except events, which record what happened rather than hold anyone's data. */
    public List<ServedKind> namespacedHoldingData() {
        return byGroupKind.values().stream()
                .filter(ServedKind::namespaced)
                .filter(k -> !k.kind().equals("Event"))
                .toList();
    }
}
