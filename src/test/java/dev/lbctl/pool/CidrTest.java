package dev.lbctl.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    private static IpAddress ip(String s) {
        return IpAddress.parse(s).orElseThrow();
    }

    @Test
    void parseClearsHostBitsLikeGo() {
        assertThat(Cidr.parse("192.168.100.243/29")).map(Cidr::toString).contains("192.168.100.240/29");
        assertThat(Cidr.parse("fc00::17/124")).map(Cidr::toString).contains("fc00::10/124");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.0", "192.168.1.0/33", "192.168.1.0/", "192.168.1.0/-1", "192.168.1.0/+8",
        "fc00::/129", "192.168.1.0/24/1", "192.168.1.0/ 24", "x/24", "192.168.1.0/0024"})
    void parseRejectsWhatNetParseCidrRejects(String text) {
        assertThat(Cidr.parse(text)).isEmpty();
    }

    @Test
    void summarizeTheArticleRange() {
        List<Cidr> cidrs = Cidr.summarize(ip("192.168.100.240"), ip("192.168.100.250"));
        assertThat(cidrs).map(Cidr::toString).containsExactly("192.168.100.240/29", "192.168.100.248/31", "192.168.100.250/32");
    }

    @Test
    void summarizeWholeSpaceAndMixedFamilies() {
        assertThat(Cidr.summarize(ip("0.0.0.0"), ip("255.255.255.255"))).map(Cidr::toString).containsExactly("0.0.0.0/0");
        assertThat(Cidr.summarize(ip("10.0.0.1"), ip("fc00::1"))).isEmpty();
        assertThat(Cidr.summarize(ip("10.0.0.2"), ip("10.0.0.1"))).isEmpty();
    }

    /** Summarize covers exactly [start, end] with ascending, adjacent, aligned blocks, and no two could merge. */
    @Property(tries = 3000)
    void summarizeCoversExactlyAndMinimally(@ForAll @LongRange(min = 0, max = 0xffffffffL) long a,
                                            @ForAll @LongRange(min = 0, max = 4096) long span) {
        long b = Math.min(0xffffffffL, a + span);
        IpAddress start = IpAddress.of(IpFamily.IPV4, BigInteger.valueOf(a));
        IpAddress end = IpAddress.of(IpFamily.IPV4, BigInteger.valueOf(b));
        List<Cidr> cidrs = Cidr.summarize(start, end);
        assertThat(cidrs.get(0).first()).isEqualTo(start);
        assertThat(cidrs.get(cidrs.size() - 1).last()).isEqualTo(end);
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < cidrs.size(); i++) {
            total = total.add(cidrs.get(i).size());
            if (i > 0) {
                assertThat(cidrs.get(i).first().value()).isEqualTo(cidrs.get(i - 1).last().value().add(BigInteger.ONE));
                Cidr prev = cidrs.get(i - 1);
                Cidr cur = cidrs.get(i);
                boolean mergeable = prev.prefixLength() == cur.prefixLength() && prev.prefixLength() > 0
                        && Cidr.containing(prev.first(), prev.prefixLength() - 1).equals(Cidr.containing(cur.first(), cur.prefixLength() - 1));
                assertThat(mergeable).as("%s and %s could be one block", prev, cur).isFalse();
            }
        }
        assertThat(total).isEqualTo(BigInteger.valueOf(b - a + 1));
    }

    @Test
    void overlapIsContainment() {
        Cidr wide = Cidr.parse("10.0.0.0/24").orElseThrow();
        assertThat(wide.overlaps(Cidr.parse("10.0.0.8/29").orElseThrow())).isTrue();
        assertThat(Cidr.parse("10.0.0.8/29").orElseThrow().overlaps(wide)).isTrue();
        assertThat(wide.overlaps(Cidr.parse("10.0.1.0/24").orElseThrow())).isFalse();
        assertThat(wide.overlaps(Cidr.parse("fc00::/8").orElseThrow())).isFalse();
    }
}
