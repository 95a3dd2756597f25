package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.doctor.Code;
import dev.lbctl.doctor.Finding;
import dev.lbctl.doctor.Report;
import dev.lbctl.i18n.Language;
import dev.lbctl.i18n.Messages;
import dev.lbctl.kubeproxy.KubeProxyConfigText;
import dev.lbctl.kubeproxy.StrictArpCheck;
import dev.lbctl.strictarp.StrictArpOutcome;
import dev.lbctl.verify.CheckResult;
import dev.lbctl.verify.VerifyReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same commands in English and Japanese against golden files under src/test/resources/golden/{en,ja}. The English
 * goldens are lbctl's output from before the catalogs, so they also pin that English did not change. To rewrite the
 * goldens after an intended change: {@code mvn -o -q -DskipITs test -Dtest=LanguageGoldenTest -Dlbctl.golden.write=true}.
 */
class LanguageGoldenTest {

    private static final String[] INVALID_POOLS = {"pool", "validate", "--pool", "a=192.168.1.0/24",
        "--pool", "b=192.168.1.128/25", "--pool", "c=10.0.0.1-10.0.0.9"};
    private static final String POOL_WARNINGS = "src/test/resources/i18n/pool-warnings.yaml";
    private static final String IPVS_WITHOUT_STRICT_ARP = """
            apiVersion: kubeproxy.config.k8s.io/v1alpha1
            kind: KubeProxyConfiguration
            ipvs:
              strictARP: false
            mode: ipvs
            """;

    @AfterEach
    void backToEnglish() {
        Messages.use(Language.EN);
    }

    private static String[] in(String lang, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = lang;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void rootHelp(String lang) throws IOException {
        CliRun run = CliRun.lbctl(in(lang, "--no-color", "--help"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertGolden(lang, "help-root.txt", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void subcommandHelp(String lang) throws IOException {
        CliRun run = CliRun.lbctl(in(lang, "--no-color", "pool", "validate", "--help"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertGolden(lang, "help-pool-validate.txt", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void failingPoolValidate(String lang) throws IOException {
        CliRun run = CliRun.lbctl(in(lang, INVALID_POOLS));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertGolden(lang, "pool-validate-invalid.txt", run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void usageError(String lang) throws IOException {
        CliRun run = CliRun.lbctl(in(lang, "pool", "validate", "--no-such-option"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertGolden(lang, "usage-error.txt", run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void strictArpNeedsChange(String lang) throws IOException {
        Messages.use(Language.ofTag(lang).orElseThrow());
        StrictArpOutcome outcome = new StrictArpOutcome(Optional.of(KubeProxyConfigText.parse(IPVS_WITHOUT_STRICT_ARP)),
                StrictArpCheck.evaluate(Optional.of(IPVS_WITHOUT_STRICT_ARP)), StrictArpOutcome.Action.NONE, false, List.of());
        assertGolden(lang, "check-strictarp-needs-change.txt", CheckStrictArpCommand.text(outcome));
    }

    /** MetalLB's own allocation error stays verbatim inside the translated sentence; fix lines align under their label. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void doctorFindingsAndServices(String lang) throws IOException {
        Messages.use(Language.ofTag(lang).orElseThrow());
        Report report = new Report(List.of(
                new Finding(Finding.Severity.ERROR, Code.POOL_EXHAUSTED, "Service default/web",
                        Messages.get("doctor.cannotAssign.event", "no available IPs"), Messages.get("doctor.fix.poolExhausted")),
                new Finding(Finding.Severity.ERROR, Code.NO_L2_ADVERTISEMENT, "Service default/api",
                        Messages.get("doctor.noAdvertisement", "lab"), "kubectl apply -f - <<EOF\nkind: L2Advertisement\nEOF")),
                List.of(new Report.ServiceCheck("default", "web", null, null, null),
                        new Report.ServiceCheck("default", "api", "192.168.1.240", "node-a", "node-b")));
        assertGolden(lang, "doctor.txt", DoctorCommand.table(report));
        assertThat(DoctorCommand.table(report)).contains("no available IPs");
    }

    /** The table translates check names and messages; JSON and JUnit keep the English check name that identifies it. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void verifyReport(String lang) throws IOException {
        Messages.use(Language.ofTag(lang).orElseThrow());
        VerifyReport report = new VerifyReport("lbctl-verify-x", Optional.of("192.168.1.240"), Optional.of("lab"), List.of(
                new CheckResult("MetalLB is installed", CheckResult.Outcome.PASSED, Duration.ofMillis(120),
                        Messages.get("verify.msg.installed", "v0.16.1", "metallb-system")),
                new CheckResult("the pool is announced", CheckResult.Outcome.FAILED, Duration.ofMillis(10),
                        Messages.get("verify.msg.notAnnounced", "lab"))), List.of(), Optional.empty());
        assertGolden(lang, "verify.txt", VerifyCommand.table(report));
        assertThat(VerifyCommand.json(report).toString()).contains("name=MetalLB is installed", "name=the pool is announced");
    }

    @org.junit.jupiter.api.Test
    void everyCheckVerifierRunsHasATitleInBothCatalogs() throws IOException {
        String verifier = Files.readString(Path.of("src/main/java/dev/lbctl/verify/Verifier.java"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("check\\(\"([^\"]+)\"").matcher(verifier);
        List<String> names = new java.util.ArrayList<>(List.of("HTTP GET returns the nginx welcome page", "HTTP GET returns 200"));
        while (m.find()) {
            if (!m.group(1).startsWith("HTTP GET returns ")) {
                names.add(m.group(1));
            }
        }
        assertThat(names).hasSizeGreaterThan(5);
        for (String name : names) {
            assertThat(VerifyCommand.checkTitle(name)).as("English title of " + name).isEqualTo(name);
        }
        Messages.use(Language.JA);
        for (String name : names) {
            assertThat(VerifyCommand.checkTitle(name)).as("Japanese title of " + name).isNotEqualTo(name);
        }
    }

    /** lbctl's own warnings, one of each kind a file can give; MetalLB accepts the file, so the exit code is 0. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void poolValidateWarnings(String lang) throws IOException {
        CliRun run = CliRun.lbctl(in(lang, "pool", "validate", "-f", POOL_WARNINGS));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
        assertGolden(lang, "pool-validate-warnings.txt", run.out());
    }

    /** pool simulate's table: column titles and the status words translated (JSON keeps "assigned", "pending"). */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void poolSimulateTable(String lang) throws IOException {
        CliRun run = CliRun.lbctl(in(lang, "pool", "simulate", "-f", "examples/pools/crd-priorities.yaml",
                "--services", "examples/services/shared-dns.yaml"));
        assertGolden(lang, "pool-simulate.txt", run.out() + "--- exit " + run.exitCode() + "\n");
    }

    /** picocli's parse errors and lbctl's input errors, each with its exit code, all on stderr. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void parseAndInputErrors(String lang) throws IOException {
        StringBuilder all = new StringBuilder();
        for (String[] args : List.of(
                new String[] {"pool", "validate", "-o", "xml", "10.0.0.1"},
                new String[] {"completion", "tcsh"},
                new String[] {"pool"},
                new String[] {"pool", "validate", "--pool"},
                new String[] {"pool", "validate", "-o", "json", "-o", "table", "10.0.0.1"},
                new String[] {"install", "--pool", "10.0.0.1", "-f", "pools.yaml"},
                new String[] {"install", "--pool", "10.0.0.1", "--dry-run", "--peer-asn", "64501"},
                new String[] {"install"},
                new String[] {"verify", "--replicas", "many"},
                new String[] {"status", "--request-timeout", "soon"},
                new String[] {"pool", "validate", "--pool", "lab=10.0.0.300"},
                new String[] {"pool", "validate", "--pool", "=10.0.0.1"},
                new String[] {"pool", "validate", "--metallb-version", "latest", "10.0.0.1"},
                new String[] {"pool", "validate", "-f", "no-such-file.yaml"})) {
            CliRun run = CliRun.lbctl(in(lang, args));
            all.append("$ lbctl ").append(String.join(" ", args)).append(" (exit ").append(run.exitCode()).append(")\n")
                    .append(run.err());
        }
        assertGolden(lang, "parse-and-input-errors.txt", all.toString());
    }

    /** The object and the action inside a cluster error are said in the chosen language; the server URL stays. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "ja"})
    void unreachableCluster(String lang, @TempDir Path dir) throws IOException {
        CliRun run = CliRun.lbctlOn(CliRun.unreachableKubeconfig(dir), in(lang, "--request-timeout", "5s", "check-strictarp"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CLUSTER_ACCESS);
        assertGolden(lang, "cluster-unreachable.txt", run.err());
    }

    @org.junit.jupiter.api.Test
    void poolValidateJsonWithWarningsIsTheSameInEveryLanguage() {
        CliRun en = CliRun.lbctl(in("en", "pool", "validate", "-o", "json", "-f", POOL_WARNINGS));
        CliRun ja = CliRun.lbctl(in("ja", "pool", "validate", "-o", "json", "-f", POOL_WARNINGS));
        assertThat(en.out()).contains("\"severity\": \"warning\"", "\"code\": \"network-and-broadcast\"",
                "\"code\": \"foreign-namespace\"", "\"code\": \"ignored-object\"");
        assertThat(ja.out()).isEqualTo(en.out());
        assertThat(ja.exitCode()).isEqualTo(en.exitCode());
    }

    @org.junit.jupiter.api.Test
    void poolValidateJsonIsTheSameInEveryLanguage() {
        CliRun en = CliRun.lbctl(in("en", append(INVALID_POOLS, "-o", "json")));
        CliRun ja = CliRun.lbctl(in("ja", append(INVALID_POOLS, "-o", "json")));
        assertThat(en.out()).contains("\"valid\": false");
        assertThat(ja.out()).isEqualTo(en.out());
        assertThat(ja.exitCode()).isEqualTo(en.exitCode());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static void assertGolden(String lang, String name, String actual) throws IOException {
        String resource = "golden/" + lang + "/" + name;
        if (Boolean.getBoolean("lbctl.golden.write")) {
            Path file = Path.of("src/test/resources", resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = LanguageGoldenTest.class.getResourceAsStream("/" + resource)) {
            assertThat(in).as("golden file " + resource).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
