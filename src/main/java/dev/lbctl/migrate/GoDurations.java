package dev.lbctl.migrate;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The three duration steps configmaptocrs applies to a peer's hold and keepalive times: Go's {@code time.ParseDuration},
 * truncation to whole seconds ({@code time.Duration(int(d.Seconds())) * time.Second}) and {@code Duration.String}.
 * Only text that the legacy validation accepted reaches here, so a malformed value is a programming error.
 */
final class GoDurations {

    static final long SECOND = 1_000_000_000L;

    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", SECOND, "m", 60 * SECOND, "h", 3600 * SECOND);

    private GoDurations() {
    }

    /** The duration as configmaptocrs writes it: parsed, truncated to seconds, formatted ("1m30s", "0s"). */
    static String wholeSeconds(String text) {
        return format(parse(text) / SECOND * SECOND);
    }

    static long parse(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            int unitStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
                i++;
            }
            Long unit = UNITS.get(s.substring(unitStart, i));
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.') || unit == null) {
                throw invalid(text);
            }
            total = total.add(new BigDecimal(number.startsWith(".") ? "0" + number : number).multiply(BigDecimal.valueOf(unit)));
        }
        long nanos = total.longValue();
        return negative ? -nanos : nanos;
    }

    /** Go's {@code Duration.String} for a whole number of seconds. */
    static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        long seconds = Math.abs(nanos / SECOND);
        StringBuilder sb = new StringBuilder(nanos < 0 ? "-" : "");
        if (seconds >= 3600) {
            sb.append(seconds / 3600).append('h');
        }
        if (seconds >= 60) {
            sb.append(seconds / 60 % 60).append('m');
        }
        return sb.append(seconds % 60).append('s').toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
