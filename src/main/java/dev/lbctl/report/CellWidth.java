package dev.lbctl.report;

/**
 * How many terminal cells a string takes: East Asian Wide and Fullwidth characters (kana, kanji, hangul, fullwidth
 * forms, most emoji) take two, combining marks and format characters none, everything else one. The ranges are
 * those of the usual wcwidth tables, which terminals follow; {@code String.length()} would misalign a Japanese column.
 */
public final class CellWidth {

    private static final int[][] WIDE = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x2E80, 0x303E}, {0x3041, 0x33FF},
        {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3},
        {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
        {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };

    private CellWidth() {
    }

    public static int of(String s) {
        return s.codePoints().map(CellWidth::of).sum();
    }

    static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || codePoint == 0) {
            return 0;
        }
        for (int[] range : WIDE) {
            if (codePoint >= range[0] && codePoint <= range[1]) {
                return 2;
            }
        }
        return 1;
    }

    /** {@code s} followed by spaces up to {@code cells} terminal cells. */
    public static String pad(String s, int cells) {
        return s + " ".repeat(Math.max(0, cells - of(s)));
    }
}
