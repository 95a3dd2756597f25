package dev.lbctl.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** A JUnit XML report (one testsuite, one testcase per check), the format CI systems read test results from. */
public final class JUnitXml {

    /** One testcase; {@code failure} is null when it passed. */
    public record Case(String name, Duration duration, String failureType, String failure) {
    }

    private JUnitXml() {
    }

    public static String write(String suite, List<Case> cases) {
        long failures = cases.stream().filter(c -> c.failure() != null).count();
        double total = cases.stream().mapToLong(c -> c.duration().toMillis()).sum() / 1000.0;
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(cases.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(seconds(total)).append("\">\n");
        for (Case c : cases) {
            sb.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(c.name()))
                    .append("\" time=\"").append(seconds(c.duration().toMillis() / 1000.0)).append('"');
            if (c.failure() == null) {
                sb.append("/>\n");
            } else {
                sb.append(">\n    <failure type=\"").append(escape(c.failureType())).append("\" message=\"")
                        .append(escape(c.failure())).append("\">").append(escape(c.failure())).append("</failure>\n")
                        .append("  </testcase>\n");
            }
        }
        return sb.append("</testsuite>\n").toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even when escaped.
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
