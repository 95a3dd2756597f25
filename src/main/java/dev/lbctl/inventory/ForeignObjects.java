package dev.lbctl.inventory;

import dev.lbctl.cluster.Fields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which objects in MetalLB's namespace (or of MetalLB's kinds) are someone else's: neither lbctl's members nor
 * made by Kubernetes or MetalLB for them. Those keep the namespace (and the CRD of their kind) from being deleted.
 *
 * <p>Made for lbctl's members, and so not anyone's data: objects whose owner references lead to a member (Pods,
 * ReplicaSets, ControllerRevisions, EndpointSlices); Endpoints named like a member Service; what Kubernetes puts in
 * every namespace (ConfigMap kube-root-ca.crt, ServiceAccount default); what MetalLB's own components write at run
 * time (its status kinds, and Secret memberlist, which the controller creates from v0.13).
 */
public final class ForeignObjects {

    /** MetalLB's status objects, written by its speaker and controller, never by a person. */
    static final Set<String> METALLB_STATUS_KINDS = Set.of("ServiceL2Status.metallb.io", "ServiceBGPStatus.metallb.io",
            "BGPSessionState.metallb.io", "ConfigurationState.metallb.io");
    private static final Set<String> KUBERNETES_MADE = Set.of("ConfigMap/kube-root-ca.crt", "ServiceAccount/default");
    private static final String MEMBERLIST_SECRET = "Secret/memberlist";

    private ForeignObjects() {
    }

    /**
     * @param objects objects listed from the cluster (any kinds), members and the ApplySet parent included
     */
    public static List<Map<String, Object>> among(List<Map<String, Object>> objects, ApplySet applySet) {
        Set<String> ownedUids = new HashSet<>();
        Set<String> memberServices = new HashSet<>();
        for (Map<String, Object> o : objects) {
            if (applySet.isMember(o)) {
                ownedUids.add(uid(o));
                if ("Service".equals(o.get("kind"))) {
                    memberServices.add(Fields.namespace(o) + "/" + Fields.name(o));
                }
            }
        }
        // Owner chains are short (Deployment → ReplicaSet → Pod): repeat until nothing new is owned.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map<String, Object> o : objects) {
                if (!ownedUids.contains(uid(o)) && ownerUids(o).stream().anyMatch(ownedUids::contains)) {
                    grew = ownedUids.add(uid(o));
                }
            }
        }
        List<Map<String, Object>> foreign = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            ObjectRef ref = ObjectRef.of(o);
            boolean lbctls = ownedUids.contains(uid(o)) || ref.equals(applySet.parent());
            boolean madeForThem = KUBERNETES_MADE.contains(ref.kind() + "/" + ref.name())
                    || MEMBERLIST_SECRET.equals(ref.kind() + "/" + ref.name())
                    || METALLB_STATUS_KINDS.contains(ref.groupKind())
                    || ref.kind().equals("Endpoints") && memberServices.contains(ref.namespace() + "/" + ref.name());
            if (!lbctls && !madeForThem) {
                foreign.add(o);
            }
        }
        return foreign;
    }

    private static String uid(Map<String, Object> o) {
        return String.valueOf(Fields.map(o, "metadata").get("uid"));
    }

    private static List<String> ownerUids(Map<String, Object> o) {
        List<String> uids = new ArrayList<>();
        for (Object ref : Fields.list(Fields.map(o, "metadata"), "ownerReferences")) {
            if (ref instanceof Map<?, ?> m && m.get("uid") != null) {
                uids.add(String.valueOf(m.get("uid")));
            }
        }
        return uids;
    }
}
