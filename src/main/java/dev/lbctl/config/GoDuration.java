package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import java.math.BigInteger;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} and {@code Duration.String}, in nanoseconds, so that hold and keepalive times are
 * accepted, rejected and printed exactly as MetalLB (and, for BGPPeer, the API server) does.
 */
public final class GoDuration {

    public static final long SECOND = 1_000_000_000L;

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(63);
    private static final BigInteger TEN = BigInteger.TEN;
    private static final Map<String, Long> UNITS = Map.of(
            "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
            "s", SECOND, "m", 60 * SECOND, "h", 3600 * SECOND);

    /** Carries Go's error text, e.g. {@code time: invalid duration "abc"}. */
    public static final class DurationException extends Exception {
        private static final long serialVersionUID = 1L;

        DurationException(String message) {
            super(message);
        }
    }

    private GoDuration() {
    }

    public static long parse(String text) throws DurationException {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigInteger total = BigInteger.ZERO;
        while (!s.isEmpty()) {
            if (!(s.charAt(0) == '.' || isDigit(s.charAt(0)))) {
                throw invalid(text);
            }
            int i = 0;
            BigInteger value = BigInteger.ZERO;
            while (i < s.length() && isDigit(s.charAt(i))) {
                value = value.multiply(TEN).add(BigInteger.valueOf(s.charAt(i) - '0'));
                if (value.compareTo(LIMIT) > 0) {
                    throw invalid(text);
                }
                i++;
            }
            boolean pre = i > 0;
            s = s.substring(i);
            long fraction = 0;
            double scale = 1;
            boolean post = false;
            if (!s.isEmpty() && s.charAt(0) == '.') {
                s = s.substring(1);
                int j = 0;
                boolean dropping = false;
                while (j < s.length() && isDigit(s.charAt(j))) {
                    // Go keeps the digits that fit and ignores the rest.
                    if (!dropping && fraction <= (Long.MAX_VALUE - 9) / 10) {
                        fraction = fraction * 10 + (s.charAt(j) - '0');
                        scale *= 10;
                    } else {
                        dropping = true;
                    }
                    j++;
                }
                post = j > 0;
                s = s.substring(j);
            }
            if (!pre && !post) {
                throw invalid(text);
            }
            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !isDigit(s.charAt(u))) {
                u++;
            }
            if (u == 0) {
                throw new DurationException("time: missing unit in duration " + GoQuote.q(text));
            }
            String unitText = s.substring(0, u);
            s = s.substring(u);
            Long unit = UNITS.get(unitText);
            if (unit == null) {
                throw new DurationException("time: unknown unit " + GoQuote.q(unitText) + " in duration " + GoQuote.q(text));
            }
            if (value.compareTo(LIMIT.divide(BigInteger.valueOf(unit))) > 0) {
                throw invalid(text);
            }
            value = value.multiply(BigInteger.valueOf(unit));
            if (fraction > 0) {
                value = value.add(BigInteger.valueOf((long) (fraction * (unit / scale))));
                if (value.compareTo(LIMIT) > 0) {
                    throw invalid(text);
                }
            }
            total = total.add(value);
            if (total.compareTo(LIMIT) > 0) {
                throw invalid(text);
            }
        }
        if (negative) {
            return total.negate().longValue();
        }
        if (total.compareTo(LIMIT) >= 0) {
            throw invalid(text);
        }
        return total.longValue();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static DurationException invalid(String text) {
        return new DurationException("time: invalid duration " + GoQuote.q(text));
    }

    /** Go's {@code Duration.String}: "0s", "1.5ms", "500µs", "1m30s", "2h0m0s". */
    public static String format(long nanos) {
        BigInteger u = BigInteger.valueOf(nanos).abs();
        String text;
        if (u.compareTo(BigInteger.valueOf(SECOND)) < 0) {
            long v = u.longValue();
            if (v == 0) {
                return "0s";
            } else if (v < 1_000) {
                text = v + "ns";
            } else if (v < 1_000_000) {
                text = withFraction(v, 3) + "\u00b5s";
            } else {
                text = withFraction(v, 6) + "ms";
            }
        } else {
            BigInteger[] secondsAndNanos = u.divideAndRemainder(BigInteger.valueOf(SECOND));
            BigInteger[] minutesAndSeconds = secondsAndNanos[0].divideAndRemainder(BigInteger.valueOf(60));
            BigInteger[] hoursAndMinutes = minutesAndSeconds[0].divideAndRemainder(BigInteger.valueOf(60));
            text = withFraction(minutesAndSeconds[1].longValue() * SECOND + secondsAndNanos[1].longValue(), 9) + "s";
            if (minutesAndSeconds[0].signum() > 0) {
                text = hoursAndMinutes[1] + "m" + text;
                if (hoursAndMinutes[0].signum() > 0) {
                    text = hoursAndMinutes[0] + "h" + text;
                }
            }
        }
        return nanos < 0 ? "-" + text : text;
    }

    /** {@code value / 10^precision}, the fraction without trailing zeros and without a bare point. */
    private static String withFraction(long value, int precision) {
        long divisor = (long) Math.pow(10, precision);
        long fraction = value % divisor;
        if (fraction == 0) {
            return Long.toString(value / divisor);
        }
        String digits = String.format("%0" + precision + "d", fraction).replaceAll("0+$", "");
        return value / divisor + "." + digits;
    }
}
