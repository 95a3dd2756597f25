package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.MetalLbVersion;

/**
 * BGP community strings checked the way each MetalLB generation does, with its messages. A null result means valid.
 *
 * <ul>
 *   <li>ConfigMap releases: {@code parseCommunity}, "AA:NN" only;</li>
 *   <li>v0.13: {@code config.ParseCommunity}, the same syntax with {@code invalid community format/value} prefixes;</li>
 *   <li>v0.14 and later: {@code community.New}, which also accepts large communities {@code large:A:B:C}.</li>
 * </ul>
 */
final class BgpCommunity {

    /** The community package (and large communities) replaced config.ParseCommunity in v0.14 (not verified per tag). */
    private static final MetalLbVersion COMMUNITY_PACKAGE = MetalLbVersion.of(0, 14, 0);

    enum Kind { LEGACY, LARGE }

    /** A parse result: the kind of a valid community, or MetalLB's complaint; {@code formatError} marks a possible alias. */
    record Parsed(Kind kind, String error, boolean formatError) {
        boolean valid() {
            return error == null;
        }
    }

    private BgpCommunity() {
    }

    /** ConfigMap {@code parseCommunity}. */
    static String checkConfigMap(String c, MetalLbVersion version) {
        String[] fs = c.split(":", -1);
        if (fs.length != 2) {
            return "invalid community string " + GoQuote.q(c);
        }
        String first = parseUint(fs[0], 16);
        if (first != null) {
            return "invalid first section of community " + GoQuote.q(fs[0]) + ": " + first;
        }
        String second = parseUint(fs[1], 16);
        if (second != null) {
            // Before v0.12 the message quoted the first section by mistake (not verified for v0.11/v0.12 exactly).
            String quoted = version.below(0, 12, 0) ? fs[0] : fs[1];
            return "invalid second section of community " + GoQuote.q(quoted) + ": " + second;
        }
        return null;
    }

    /** The parser of the CRD releases. */
    static Parsed parse(String c, MetalLbVersion version) {
        return version.compareTo(COMMUNITY_PACKAGE) >= 0 ? communityNew(c) : parseCommunityV013(c);
    }

    private static Parsed parseCommunityV013(String c) {
        String[] fs = c.split(":", -1);
        if (fs.length != 2) {
            return new Parsed(null, "invalid community format: " + c, true);
        }
        String first = parseUint(fs[0], 16);
        if (first != null) {
            return new Parsed(null, "invalid community value: invalid first section of community " + GoQuote.q(fs[0]) + ": " + first, false);
        }
        String second = parseUint(fs[1], 16);
        if (second != null) {
            return new Parsed(null, "invalid community value: invalid second section of community " + GoQuote.q(fs[1]) + ": " + second, false);
        }
        return new Parsed(Kind.LEGACY, null, false);
    }

    private static Parsed communityNew(String c) {
        String[] fs = c.split(":", -1);
        if (fs.length == 2) {
            for (String section : fs) {
                String err = parseUint(section, 16);
                if (err != null) {
                    return new Parsed(null, invalidSection(section, c, err), false);
                }
            }
            return new Parsed(Kind.LEGACY, null, false);
        }
        if (fs.length == 4) {
            if (!fs[0].equals("large")) {
                return new Parsed(null, "invalid community value: invalid marker for large community, expected community to be of "
                        + "format large:<uint32>:<uint32>:<uint32> but got " + GoQuote.q(c) + " instead", false);
            }
            for (int i = 1; i < 4; i++) {
                String err = parseUint(fs[i], 32);
                if (err != null) {
                    return new Parsed(null, invalidSection(fs[i], c, err), false);
                }
            }
            return new Parsed(Kind.LARGE, null, false);
        }
        return new Parsed(null, "invalid community format: " + c, true);
    }

    private static String invalidSection(String section, String community, String err) {
        return "invalid community value: invalid section " + GoQuote.q(section) + " of community " + GoQuote.q(community)
                + ", err: " + GoQuote.q(err);
    }

    /** Go's {@code strconv.ParseUint(s, 10, bits)}: null when valid, else the NumError text. */
    static String parseUint(String s, int bits) {
        String prefix = "strconv.ParseUint: parsing " + GoQuote.q(s) + ": ";
        if (s.isEmpty()) {
            return prefix + "invalid syntax";
        }
        long max = bits == 64 ? -1L : (1L << bits) - 1;
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return prefix + "invalid syntax";
            }
            long next = n * 10 + (ch - '0');
            if (n > Long.divideUnsigned(-1L, 10) || Long.compareUnsigned(next, max) > 0 || Long.compareUnsigned(next, n) < 0) {
                return prefix + "value out of range";
            }
            n = next;
        }
        return null;
    }
}
