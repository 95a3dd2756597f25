package dev.lbctl.config;

import dev.lbctl.pool.MetalLbVersion;

/**
 * A field that only newer MetalLB releases know. The reader accepts every field of the newest schema and records
 * these, because it does not know the target version; the validator rejects them, with the message the older
 * release's decoder would give, when the target is older than {@code since}.
 *
 * @param rejection the older decoder's complaint, e.g. {@code line 4: field source-address not found in type config.peer}
 * @param object what holds the field, e.g. {@code BGPPeer "p1"}; null for ConfigMap fields
 * @param since the first release that knows the field; null for what no release decodes (a value of the wrong type, a
 *              repeated or unknown field), which yaml.v2 reports in the same error
 */
public record VersionedField(String rejection, String object, MetalLbVersion since, Origin origin) {

    /** A ConfigMap decoding error of every release. */
    static VersionedField always(String rejection, Origin origin) {
        return new VersionedField(rejection, null, null, origin);
    }

    boolean unknownTo(MetalLbVersion version) {
        return since == null || version.compareTo(since) < 0;
    }
}
