package dev.lbctl.allocator;

import dev.lbctl.pool.GoQuote;
import java.util.List;
import java.util.stream.Collectors;

/** Go's {@code %q} applied to a slice, as MetalLB formats its lists of IPs: {@code ["10.0.0.1" "fd00::1"]}. */
final class GoText {

    private GoText() {
    }

    static String quotedList(List<?> items) {
        return items.stream().map(item -> GoQuote.q(item.toString())).collect(Collectors.joining(" ", "[", "]"));
    }
}
