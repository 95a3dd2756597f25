package dev.lbctl.config;

import dev.lbctl.pool.MetalLbVersion;

/**
 * A complaint of a release's decoder, which the reader records because it does not know the target release; the
 * validator reports those of the target. Two kinds: a field that only newer releases know (the older release's
 * decoder rejects it: {@code since} is the first release that knows it), and, in the ConfigMap, a value that yaml.v2
 * cannot decode (a wrong type, a repeated or unknown field: {@code since} is null), which only the releases that
 * decode the field around it report ({@code reportedFrom}: yaml.v2 never looks inside a field it does not know).
 *
 * @param rejection the decoder's complaint, e.g. {@code line 4: field source-address not found in type config.peer}
 * @param object what holds the field, e.g. {@code BGPPeer "p1"}; null for ConfigMap fields
 * @param since the first release that knows the field; null for a value no release decodes
 * @param reportedFrom the first release that reports it; null for every release
 */
public record VersionedField(String rejection, String object, MetalLbVersion since, Origin origin, MetalLbVersion reportedFrom) {

    /** A field that releases before {@code since} do not know. */
    static VersionedField newerField(String rejection, String object, MetalLbVersion since, Origin origin) {
        return new VersionedField(rejection, object, since, origin, null);
    }

    /** A ConfigMap value yaml.v2 cannot decode, in a field that releases from {@code reportedFrom} (null: all) know. */
    static VersionedField decodeError(String rejection, Origin origin, MetalLbVersion reportedFrom) {
        return new VersionedField(rejection, null, null, origin, reportedFrom);
    }

    boolean reportedBy(MetalLbVersion version) {
        return (since == null || version.compareTo(since) < 0) && (reportedFrom == null || version.compareTo(reportedFrom) >= 0);
    }
}
