package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TakenSlotsTest {

    @Test
    void theSlotAfterARangeIsFree() {
        TakenSlots taken = new TakenSlots();
        for (long i = 10; i < 20; i++) {
            taken.take(PackedIp.ipv4(i));
        }
        assertThat(taken.firstFreeAtOrAfter(PackedIp.ipv4(12))).isEqualTo(PackedIp.ipv4(20));
        assertThat(taken.firstFreeAtOrAfter(PackedIp.ipv4(9))).isEqualTo(PackedIp.ipv4(9));
        assertThat(taken.rangeCount()).isEqualTo(1);
    }

    @Test
    void theLastAddressOfTheFamilyTakenLeavesNothingAfterIt() {
        TakenSlots taken = new TakenSlots();
        taken.take(PackedIp.ipv4(0xffff_ffffL));
        assertThat(taken.firstFreeAtOrAfter(PackedIp.ipv4(0xffff_ffffL))).isNull();
    }

    /** Random takes and releases (a slot number; negative means release) agree with a plain sorted set. */
    @Property(tries = 500)
    void agreesWithASetOfSlots(@ForAll @Size(max = 200) List<@IntRange(min = -40, max = 40) Integer> operations) {
        TakenSlots taken = new TakenSlots();
        TreeSet<Long> reference = new TreeSet<>();
        for (int op : operations) {
            long slot = Math.abs(op);
            if (op >= 0 && reference.add(slot)) {
                taken.take(PackedIp.ipv4(slot));
            } else if (op < 0 && reference.remove(slot)) {
                taken.release(PackedIp.ipv4(slot));
            }
        }
        for (long from = 0; from <= 42; from++) {
            long free = from;
            while (reference.contains(free)) {
                free++;
            }
            assertThat(taken.firstFreeAtOrAfter(PackedIp.ipv4(from))).isEqualTo(PackedIp.ipv4(free));
        }
        long runs = reference.stream().filter(s -> !reference.contains(s - 1)).count();
        assertThat(taken.rangeCount()).isEqualTo((int) runs);
    }
}
