package dev.lbctl.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IPv4 neighbour (ARP) entries this machine learned, as Linux lists them in {@code /proc/net/arp} (per network
 * namespace: run in a namespace, it shows that namespace's entries). Only complete entries count: flag
 * {@code ATF_COM} (0x2) set and a MAC other than all zeros; an incomplete entry means nothing answered.
 *
 * <pre>
 * IP address       HW type     Flags       HW address            Mask     Device
 * 198.51.100.240   0x1         0x2         02:1a:2b:3c:4d:5e     *        eth0
 * </pre>
 */
public final class NeighbourTable {

    static final Path PROC_NET_ARP = Path.of("/proc/net/arp");
    private static final int ATF_COM = 0x2;
    private static final String NO_MAC = "00:00:00:00:00:00";

    /** One complete entry: the MAC that answered for an IP, and the interface it was learned on. */
    public record Entry(String ip, String mac, String device) {
    }

    private final Map<String, Entry> entries;

    private NeighbourTable(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** Parses the text of {@code /proc/net/arp}; lines that do not have the six columns are ignored. */
    public static NeighbourTable parse(String text) {
        Map<String, Entry> found = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 6) {
                continue;
            }
            int flags;
            try {
                flags = Integer.decode(f[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            String mac = f[3].toLowerCase(Locale.ROOT);
            if ((flags & ATF_COM) != 0 && !mac.equals(NO_MAC)) {
                found.put(f[0], new Entry(f[0], mac, f[5]));
            }
        }
        return new NeighbourTable(found);
    }

    /** This machine's table (of the network namespace lbctl runs in); empty where there is no {@code /proc/net/arp}. */
    public static NeighbourTable read() {
        try {
            return parse(Files.readString(PROC_NET_ARP));
        } catch (IOException | SecurityException e) {
            return new NeighbourTable(Map.of());
        }
    }

    public Optional<Entry> entry(String ip) {
        return Optional.ofNullable(entries.get(ip));
    }
}
