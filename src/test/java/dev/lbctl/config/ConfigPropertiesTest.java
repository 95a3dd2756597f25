package dev.lbctl.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

/**
 * Reading and validating never fails with anything but {@link InvalidInputException} (or returns problems), whatever
 * the input, and every error about an address names the address and its pool.
 */
class ConfigPropertiesTest {

    private static final List<MetalLbVersion> VERSIONS = List.of(MetalLbVersion.of(0, 10, 2), MetalLbVersion.of(0, 11, 0),
            MetalLbVersion.of(0, 12, 1), MetalLbVersion.of(0, 13, 12), MetalLbVersion.of(0, 14, 9), MetalLbVersion.of(0, 16, 1));

    @Property(tries = 2000)
    void everyBadAddressIsReportedWithItsValueAndPool(@ForAll("pools") List<GeneratedPool> pools) {
        MetalLbConfig config = readOrNull(crdManifest(pools));
        Statistics.label("read").collect(config != null);
        Statistics.label("bad address").collect(pools.stream().flatMap(p -> p.addresses().stream())
                .anyMatch(a -> !parses(a, MetalLbVersion.LATEST)));
        Statistics.label("read").coverage(c -> c.check(true).percentage(p -> p > 80));
        Statistics.label("bad address").coverage(c -> c.check(true).percentage(p -> p > 30));
        if (config == null) {
            return;
        }
        for (MetalLbVersion version : VERSIONS.subList(3, VERSIONS.size())) {
            List<Problem> problems = ConfigValidator.validate(config, version);
            for (GeneratedPool pool : pools) {
                for (String address : pool.addresses()) {
                    if (!parses(address, version)) {
                        String expected = "invalid CIDR " + GoQuote.q(address) + " in pool " + GoQuote.q(pool.name()) + ": ";
                        assertThat(problems).as("%s in %s for %s", address, pool.name(), version)
                                .anyMatch(p -> p.isError() && p.message().contains(expected) && pool.name().equals(p.pool()));
                    }
                }
            }
            assertThat(problems).allMatch(p -> !p.message().isBlank() && p.message().indexOf('\n') < 0);
        }
    }

    @Property(tries = 2000)
    void configMapPoolsAreReportedByIndexAndName(@ForAll("pools") List<GeneratedPool> pools) {
        MetalLbConfig config = readOrNull(configMapText(pools));
        Statistics.label("read").collect(config != null);
        Statistics.label("read").coverage(c -> c.check(true).percentage(p -> p > 80));
        if (config == null) {
            return;
        }
        for (MetalLbVersion version : VERSIONS.subList(0, 3)) {
            List<Problem> problems = ConfigValidator.validate(config, version);
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < pools.size(); i++) {
                GeneratedPool pool = pools.get(i);
                if (!names.add(pool.name())) {
                    continue; // a pool whose name came before is reported as a duplicate definition, as MetalLB does
                }
                for (String address : pool.addresses()) {
                    if (!parses(address, version)) {
                        String expected = "parsing address pool #" + (i + 1) + ": invalid CIDR " + GoQuote.q(address)
                                + " in pool " + GoQuote.q(pool.name()) + ": ";
                        assertThat(problems).anyMatch(p -> p.isError() && p.message().startsWith(expected));
                    }
                }
            }
        }
    }

    @Property(tries = 1500)
    void errorsAboutAPoolNameThePool(@ForAll("pools") List<GeneratedPool> pools) {
        MetalLbConfig config = readOrNull(crdManifest(pools));
        if (config == null) {
            return;
        }
        for (Problem problem : ConfigValidator.validate(config, MetalLbVersion.LATEST)) {
            if (problem.pool() != null) {
                assertThat(problem.message()).contains(problem.pool());
            }
        }
    }

    @Property(tries = 1500)
    void arbitraryTextNeverEscapesAsAnotherException(@ForAll("yamlish") String text) {
        MetalLbConfig config = readOrNull(text);
        if (config != null) {
            for (MetalLbVersion version : VERSIONS) {
                assertThat(ConfigValidator.validate(config, version)).isNotNull();
            }
        }
    }

    @Property(tries = 500)
    void arbitraryBytesNeverEscapeAsAnotherException(@ForAll @Size(max = 400) byte[] bytes) throws IOException {
        Path file = Files.createTempFile("lbctl-config", ".yaml");
        try {
            Files.write(file, bytes);
            try {
                ConfigValidator.validate(ConfigFiles.read(List.of(file)));
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).contains(file.toString());
            }
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<GeneratedPool>> pools() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<GeneratedPool> pool = Combinators.combine(name, addresses().list().ofMaxSize(4)).as(GeneratedPool::new);
        return pool.list().ofMinSize(1).ofMaxSize(4);
    }

    /** Valid CIDRs and ranges, and everything that is nearly or not at all one. */
    static Arbitrary<String> addresses() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> v4 = Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> v6 = Arbitraries.integers().between(0, 0xffff).list().ofMinSize(1).ofMaxSize(3)
                .map(groups -> "fc00:" + String.join(":", groups.stream().map(Integer::toHexString).toList()) + "::");
        Arbitrary<String> ip = Arbitraries.oneOf(v4, v6);
        Arbitrary<Integer> prefix = Arbitraries.oneOf(Arbitraries.integers().between(0, 130),
                Arbitraries.integers().between(131, 100_000));
        return Arbitraries.oneOf(
                Combinators.combine(ip, prefix).as((a, p) -> a + "/" + p),
                Combinators.combine(ip, ip).as((a, b) -> a + "-" + b),
                Combinators.combine(ip, ip).as((a, b) -> a + " - " + b),
                ip,
                Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789./-:abcdef ").ofMaxLength(25),
                Arbitraries.longs().map(n -> n + "." + n + ".1.1/8"),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(12),
                Arbitraries.just("10.0.0.0/999"), Arbitraries.just("10.0.0.1-fc00::1"), Arbitraries.just("::ffff:10.0.0.1/128"))
                .map(ConfigPropertiesTest::withoutSurrogates);
    }

    /** Text that looks like configuration: known keys, random structure, random scalars. */
    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> key = Arbitraries.of("apiVersion", "kind", "metadata", "name", "spec", "addresses", "address-pools",
                "protocol", "peers", "peer-address", "my-asn", "bgp-advertisements", "aggregation-length", "data", "config",
                "ipAddressPools", "nodeSelectors", "matchLabels", "holdTime", "communities", "items", "x");
        Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.of("metallb.io/v1beta1", "v1", "IPAddressPool", "ConfigMap",
                "L2Advertisement", "BGPPeer", "List", "layer2", "bgp", "~", "yes", "0x1F", "1_000", "-1", "1e9", "[]", "{}", "|"),
                addresses().map(a -> "\"" + escape(a) + "\""));
        Arbitrary<String> line = Combinators.combine(Arbitraries.integers().between(0, 3), key, scalar, Arbitraries.of(": ", ":\n", ": - ", "- "))
                .as((indent, k, v, sep) -> "  ".repeat(indent) + k + sep + v);
        return line.list().ofMaxSize(12).map(lines -> String.join("\n", lines));
    }

    record GeneratedPool(String name, List<String> addresses) {
    }

    private static String crdManifest(List<GeneratedPool> pools) {
        StringBuilder sb = new StringBuilder();
        for (GeneratedPool pool : pools) {
            sb.append("---\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: ").append(pool.name())
                    .append("\n  namespace: metallb-system\nspec:\n  addresses: [");
            sb.append(String.join(", ", pool.addresses().stream().map(a -> "\"" + escape(a) + "\"").toList())).append("]\n");
        }
        return sb.append("---\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: all}\n").toString();
    }

    private static String configMapText(List<GeneratedPool> pools) {
        StringBuilder sb = new StringBuilder("address-pools:\n");
        for (GeneratedPool pool : pools) {
            sb.append("- name: ").append(pool.name()).append("\n  protocol: layer2\n  addresses: [");
            sb.append(String.join(", ", pool.addresses().stream().map(a -> "\"" + escape(a) + "\"").toList())).append("]\n");
        }
        return sb.toString();
    }

    private static MetalLbConfig readOrNull(String text) {
        try {
            return ConfigFiles.read(text, "generated.yaml");
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("generated.yaml").doesNotContain("\n");
            return null;
        }
    }

    private static boolean parses(String address, MetalLbVersion version) {
        try {
            MetalLbAddresses.parse(address, version);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    /** A YAML double-quoted scalar body: every non-printable or non-ASCII character escaped. */
    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp >= 0x20 && cp < 0x7f) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        });
        return sb.toString();
    }

    private static String withoutSurrogates(String s) {
        List<String> parts = new ArrayList<>();
        s.codePoints().filter(cp -> cp < 0xd800 || cp > 0xdfff).forEach(cp -> parts.add(new String(Character.toChars(cp))));
        return String.join("", parts);
    }
}
