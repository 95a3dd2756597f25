package dev.lbctl.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates what the readers find across documents and files. */
final class ConfigBuilder {

    final List<PoolSpec> pools = new ArrayList<>();
    final List<L2AdvertisementSpec> l2Advertisements = new ArrayList<>();
    final List<BgpAdvertisementSpec> bgpAdvertisements = new ArrayList<>();
    final List<BgpPeerSpec> peers = new ArrayList<>();
    final List<CommunitySpec> communities = new ArrayList<>();
    final Map<String, String> legacyCommunities = new LinkedHashMap<>();
    final List<BfdProfileSpec> bfdProfiles = new ArrayList<>();
    final List<VersionedField> versionedFields = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();

    MetalLbConfig build(ConfigStyle style) {
        return new MetalLbConfig(style, pools, l2Advertisements, bgpAdvertisements, peers, communities,
                legacyCommunities, bfdProfiles, versionedFields, warnings);
    }
}
