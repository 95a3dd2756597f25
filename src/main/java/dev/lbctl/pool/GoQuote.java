package dev.lbctl.pool;

/** Go's {@code %q} for the strings MetalLB quotes in its messages, so lbctl's messages match MetalLB's byte for byte. */
public final class GoQuote {

    private GoQuote() {
    }

    public static String q(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp == 0xfffd) {
                        sb.append("\\ufffd");
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
