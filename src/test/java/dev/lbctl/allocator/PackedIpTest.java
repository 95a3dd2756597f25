package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PackedIpTest {

    private static PackedIp ip(String text) {
        return PackedIp.parseNetIp(text).orElseThrow();
    }

    @Test
    void stepsAcrossTheLowWordAndStopsAtTheEndsOfTheFamily() {
        assertThat(ip("fd00::ffff:ffff:ffff:ffff").next()).isEqualTo(ip("fd00:0:0:1::"));
        assertThat(ip("fd00:0:0:1::").previous()).isEqualTo(ip("fd00::ffff:ffff:ffff:ffff"));
        assertThat(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").next()).isNull();
        assertThat(ip("255.255.255.255").next()).isNull();
        assertThat(ip("0.0.0.0").previous()).isNull();
        assertThat(ip("::").previous()).isNull();
    }

    @Test
    void ordersLikeUnsignedNumbersWithIpv4First() {
        assertThat(ip("8000::")).isGreaterThan(ip("7fff::"));
        assertThat(ip("::1:0:0:0:0")).isGreaterThan(ip("::ffff:ffff:ffff"));
        assertThat(ip("255.255.255.255")).isLessThan(ip("::"));
    }

    @Test
    void readsAnIpv4MappedAddressAsIpv4LikeNetParseIp() {
        assertThat(ip("::ffff:10.0.0.1")).isEqualTo(ip("10.0.0.1"));
        assertThat(ip("::ffff:10.0.0.1").toString()).isEqualTo("10.0.0.1");
    }

    @Property(tries = 2000)
    void convertsAndPrintsLikeIpAddress(@ForAll long high, @ForAll long low, @ForAll boolean v4) {
        BigInteger value = v4 ? BigInteger.valueOf(low & 0xffff_ffffL)
                : new BigInteger(Long.toUnsignedString(high)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(low)));
        IpAddress address = IpAddress.of(v4 ? IpFamily.IPV4 : IpFamily.IPV6, value);
        PackedIp packed = PackedIp.of(address);
        assertThat(packed.toString()).isEqualTo(address.toString());
        assertThat(PackedIp.of(IpAddress.parse(packed.toString()).orElseThrow())).isEqualTo(packed);
    }
}
