package dev.lbctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lbctl.cli.ExitCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Main as the launcher runs it: stdout holds the results and nothing else, or the exit code says it does not. */
class MainTest {

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: %s, namespace: %s, annotations: {metallb.io/allow-shared-ip: "%s"}}
            spec: {type: %s, ports: [{port: %d}]}
            ---
            """;

    /** One generated pool file and Services file, as YAML text. */
    record Inputs(String pools, String services, int handled) {
    }

    @Provide
    Arbitrary<Inputs> inputs() {
        Arbitrary<String> pool = Arbitraries.of("", "  serviceAllocation: {}\n", "  serviceAllocation: {priority: 2}\n",
                "  serviceAllocation: {namespaces: [team]}\n", "  autoAssign: false\n");
        Arbitrary<List<String>> pools = pool.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> service = Combinators.combine(Arbitraries.of("default", "team"), Arbitraries.of("", "k"),
                Arbitraries.of("LoadBalancer", "LoadBalancer", "ClusterIP"), Arbitraries.of(53, 80))
                .as((namespace, key, type, port) -> namespace + "|" + key + "|" + type + "|" + port);
        return Combinators.combine(pools, service.list().ofMaxSize(12)).as((poolSpecs, serviceSpecs) -> {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < poolSpecs.size(); i++) {
                p.append("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n")
                        .append("metadata: {name: p").append(i).append(", namespace: metallb-system}\n")
                        .append("spec:\n  addresses: [10.0.").append(i).append(".0/31]\n").append(poolSpecs.get(i))
                        .append("---\n");
            }
            StringBuilder s = new StringBuilder();
            int handled = 0;
            for (int i = 0; i < serviceSpecs.size(); i++) {
                String[] f = serviceSpecs.get(i).split("\\|", -1);
                s.append(SERVICE.formatted("s" + i, f[0], f[1], f[2], Integer.parseInt(f[3])));
                handled += f[2].equals("LoadBalancer") ? 1 : 0;
            }
            return new Inputs(p.toString(), s.isEmpty() ? "apiVersion: v1\nkind: List\nitems: []\n" : s.toString(), handled);
        });
    }

    /** Many runs, random pools and Services (skipped ones print to stderr): every stdout is one JSON document. */
    @Property(tries = 300)
    void poolSimulateJsonPrintsOnlyJson(@ForAll("inputs") Inputs inputs) throws IOException {
        Path dir = Files.createTempDirectory("lbctl-main-test");
        try {
            Path pools = Files.writeString(dir.resolve("pools.yaml"), inputs.pools());
            Path services = Files.writeString(dir.resolve("services.yaml"), inputs.services());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"pool", "simulate", "-o", "json", "-f", pools.toString(),
                "--services", services.toString()}, out, err);
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
            JsonNode json = STRICT_JSON.readTree(out.toString(StandardCharsets.UTF_8));
            assertThat(json.get("services")).hasSize(inputs.handled());
            json.get("services").forEach(s -> assertThat(s.get("deterministic").isBoolean()).isTrue());
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aStdoutThatFailsPartWayEndsWithTheOutputFailedCode() {
        OutputStream failing = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                if (++written > 40) {
                    throw new IOException("Resource temporarily unavailable");
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"pool", "simulate", "-o", "json", "--pool", "10.0.0.0/30",
            "--services", Path.of("examples/services/shared-dns.yaml").toString()}, failing, err);
        assertThat(code).isEqualTo(ExitCode.OUTPUT_FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not write the results to standard output");
    }

    @Test
    void aStdoutThatWorksKeepsTheCommandsCode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"pool", "simulate", "-o", "json", "--pool", "10.0.0.0/30",
            "--services", Path.of("examples/services/shared-dns.yaml").toString()}, out, new ByteArrayOutputStream());
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"services\"");
    }
}
