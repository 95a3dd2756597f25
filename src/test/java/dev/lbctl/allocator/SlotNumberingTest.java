package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SlotNumberingTest {

    private static final SlotNumbering SKIP = SlotNumbering.SKIP_BUGGY_IPV4;

    private static PackedIp ip(String text) {
        return PackedIp.parseNetIp(text).orElseThrow();
    }

    @Test
    void consecutiveUsableAddressesGetConsecutiveSlotsAcrossA24() {
        assertThat(SKIP.slotOf(ip("10.0.1.1"))).isEqualTo(SKIP.slotOf(ip("10.0.0.254")).next());
        assertThat(SKIP.addressOf(SKIP.slotOf(ip("10.0.0.254")).next())).isEqualTo(ip("10.0.1.1"));
    }

    @Test
    void findsTheNearestUsableAddress() {
        assertThat(SKIP.usableAtOrAfter(ip("10.0.0.255"))).isEqualTo(ip("10.0.1.1"));
        assertThat(SKIP.usableAtOrBefore(ip("10.0.1.0"))).isEqualTo(ip("10.0.0.254"));
        assertThat(SKIP.usableAtOrAfter(ip("255.255.255.255"))).isNull();
        assertThat(SKIP.usableAtOrBefore(ip("0.0.0.0"))).isNull();
    }

    @Test
    void ipv6AndPoolsWithoutAvoidBuggyIpsNumberEveryAddress() {
        assertThat(SKIP.slotOf(ip("fd00::ff"))).isEqualTo(ip("fd00::ff"));
        assertThat(SKIP.excludes(ip("fd00::100"))).isFalse();
        assertThat(SlotNumbering.EVERY_ADDRESS.excludes(ip("10.0.0.0"))).isFalse();
    }

    @Property(tries = 3000)
    void slotsAreAnOrderPreservingNumberingOfUsableAddresses(@ForAll @LongRange(max = 0xffff_fffeL) long value) {
        PackedIp a = SKIP.usableAtOrAfter(PackedIp.ipv4(value));
        PackedIp b = a == null ? null : SKIP.usableAtOrAfter(a.next());
        if (a == null || b == null) {
            return;
        }
        assertThat(SKIP.excludes(a)).isFalse();
        assertThat(SKIP.addressOf(SKIP.slotOf(a))).isEqualTo(a);
        assertThat(SKIP.slotOf(b)).isEqualTo(SKIP.slotOf(a).next());
    }
}
