package dev.lbctl.migrate;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resource names for ConfigMap pool and BFD profile names, as configmaptocrs' {@code convertNamesToK8S} makes them: a
 * name that matches {@code ^[a-z][-a-z0-9]{0,61}[a-z0-9]{1}$} stays; any other is cut to 63 bytes, lowercased, has
 * {@code _} replaced by {@code -} and loses everything before its first letter a-z.
 *
 * <p>Where configmaptocrs would go on with a name the API server refuses (a space, a trailing {@code -}, no letter at
 * all), lbctl stops with a sentence that names the value instead.
 */
final class CrdNames {

    private static final Pattern ALREADY_VALID = Pattern.compile("^[a-z][-a-z0-9]{0,61}[a-z0-9]{1}$");
    private static final Pattern FIRST_LETTER = Pattern.compile("[a-z]");
    /** What the API server requires of a custom resource's metadata.name (a DNS-1123 subdomain). */
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
    private static final int MAX_BYTES = 63;

    private CrdNames() {
    }

    /**
     * The resource name for {@code name}.
     *
     * @param what how messages name the object, e.g. {@code address pool}
     * @param kind the resource kind, e.g. {@code IPAddressPool}
     */
    static String of(String name, String what, String kind) {
        if (ALREADY_VALID.matcher(name).matches()) {
            return name;
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        String truncated = bytes.length > MAX_BYTES
                ? new String(Arrays.copyOf(bytes, MAX_BYTES), StandardCharsets.UTF_8) : name;
        String converted = truncated.toLowerCase(Locale.ROOT).replace('_', '-');
        var letter = FIRST_LETTER.matcher(converted);
        if (!letter.find()) {
            throw new InvalidInputException(Messages.get("migrate.noLetter", what, GoQuote.q(name), kind));
        }
        String result = converted.substring(letter.start());
        if (!DNS_SUBDOMAIN.matcher(result).matches()) {
            throw new InvalidInputException(Messages.get("migrate.invalidName", what, GoQuote.q(name), kind, GoQuote.q(result)));
        }
        return result;
    }
}
