package dev.lbctl.config;

import java.util.List;

/** A Community resource: named aliases for BGP community values. */
public record CommunitySpec(String name, List<Alias> aliases, Origin origin) {

    public record Alias(String name, String value) {
    }

    public CommunitySpec {
        aliases = List.copyOf(aliases);
    }
}
