package dev.lbctl.cluster;

import java.util.List;
import java.util.Map;

/** What lbctl needs to know of a Node: its addresses, pod CIDRs and labels. */
public record NodeInfo(String name, List<String> internalIps, List<String> podCidrs, Map<String, String> labels) {

    public NodeInfo {
        internalIps = List.copyOf(internalIps);
        podCidrs = List.copyOf(podCidrs);
        labels = Map.copyOf(labels);
    }
}
