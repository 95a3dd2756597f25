package dev.lbctl.config;

/**
 * Go's {@code %q} applied to an integer, which prints it as a quoted character: {@code 33} becomes {@code '!'}. Some
 * MetalLB releases format aggregation lengths with {@code %q}, so their messages read like
 * {@code invalid aggregation length '!' for IPv4}; lbctl reproduces that byte for byte.
 */
final class GoRune {

    private static final int MAX_RUNE = 0x10FFFF;
    private static final int RUNE_ERROR = 0xFFFD;

    private GoRune() {
    }

    static String quote(long value) {
        // fmt converts through uint64: negatives and values past MaxRune become the replacement character.
        int r = value < 0 || value > MAX_RUNE || (value >= 0xD800 && value <= 0xDFFF) ? RUNE_ERROR : (int) value;
        StringBuilder sb = new StringBuilder("'");
        switch (r) {
            case '\'' -> sb.append("\\'");
            case '\\' -> sb.append("\\\\");
            case 0x07 -> sb.append("\\a");
            case '\b' -> sb.append("\\b");
            case '\f' -> sb.append("\\f");
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case 0x0B -> sb.append("\\v");
            default -> {
                if (isPrint(r)) {
                    sb.appendCodePoint(r);
                } else if (r < ' ' || r == 0x7F) {
                    sb.append(String.format("\\x%02x", r));
                } else if (r < 0x10000) {
                    sb.append(String.format("\\u%04x", r));
                } else {
                    sb.append(String.format("\\U%08x", r));
                }
            }
        }
        return sb.append('\'').toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
