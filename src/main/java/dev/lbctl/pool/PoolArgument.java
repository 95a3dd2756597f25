package dev.lbctl.pool;

import dev.lbctl.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool as typed on the command line: {@code [NAME=]ADDRESSES[,ADDRESSES...]}, where each ADDRESSES is a CIDR, a range
 * ({@code a-b}, spaces around '-' allowed), the shorthand {@code 192.168.100.240-250} (the end replaces the last octet),
 * or a bare IP (a single address, written as /32 or /128). Each is normalized to the form MetalLB itself accepts;
 * whether MetalLB then accepts the values (a reversed range, a /33) is the validator's to say.
 */
public final class PoolArgument {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern LAST_OCTET = Pattern.compile("(0|[1-9][0-9]{0,2})");

    private PoolArgument() {
    }

    /**
     * Parses the argument; {@code defaultName} is used when it has no {@code NAME=} part.
     *
     * @throws InvalidAddressException with a one-sentence message naming the value
     */
    public static AddressPool parse(String argument, String defaultName, MetalLbVersion version) throws InvalidAddressException {
        String name = defaultName;
        String body = argument.trim();
        int eq = body.indexOf('=');
        if (eq >= 0) {
            name = body.substring(0, eq).trim();
            body = body.substring(eq + 1).trim();
            if (!NAME.matcher(name).matches() || name.length() > 63) {
                throw new InvalidAddressException(Messages.get("pool.badName", GoQuote.q(name), GoQuote.q(argument)));
            }
        }
        if (body.isEmpty()) {
            throw new InvalidAddressException(Messages.get("pool.noAddresses", GoQuote.q(argument)));
        }
        List<String> addresses = new ArrayList<>();
        List<Cidr> cidrs = new ArrayList<>();
        for (String part : body.split(",")) {
            String normalized = normalize(part.trim(), argument);
            addresses.add(normalized);
            try {
                cidrs.addAll(MetalLbAddresses.parse(normalized, version));
            } catch (InvalidAddressException e) {
                // MetalLB's own rules (reversed range, bad prefix) are the validator's to report, with MetalLB's message.
            }
        }
        return AddressPool.of(name, addresses, cidrs);
    }

    /** Turns the command-line forms MetalLB does not accept (bare IP, last-octet shorthand) into ones it does. */
    static String normalize(String text, String argument) throws InvalidAddressException {
        if (text.isEmpty()) {
            throw new InvalidAddressException(Messages.get("pool.emptyEntry", GoQuote.q(argument)));
        }
        int dash = text.indexOf('-');
        if (dash < 0) {
            if (text.indexOf('/') >= 0) {
                String[] parts = text.split("/", 2);
                if (IpAddress.parse(parts[0]).isEmpty()) {
                    throw new InvalidAddressException(Messages.get("pool.notAnIp", GoQuote.q(argument), GoQuote.q(parts[0])));
                }
                return text; // MetalLB reports prefix problems itself, with its own message
            }
            IpAddress ip = IpAddress.parse(text).orElseThrow(() -> new InvalidAddressException(
                    Messages.get("pool.notAnAddress", GoQuote.q(argument), GoQuote.q(text))));
            return ip + "/" + ip.family().bits();
        }
        String start = text.substring(0, dash).strip();
        String end = text.substring(dash + 1).strip();
        Matcher octet = LAST_OCTET.matcher(end);
        if (octet.matches()) {
            IpAddress startIp = IpAddress.parse(start).orElseThrow(() -> new InvalidAddressException(
                    Messages.get("pool.notAnIpv4", GoQuote.q(argument), GoQuote.q(start))));
            int last = Integer.parseInt(end);
            if (startIp.family() != IpFamily.IPV4 || last > 255) {
                throw new InvalidAddressException(Messages.get("pool.badShorthand", GoQuote.q(argument), GoQuote.q(end)));
            }
            String prefix = start.substring(0, start.lastIndexOf('.') + 1);
            return start + "-" + prefix + last;
        }
        return start + "-" + end;
    }
}
