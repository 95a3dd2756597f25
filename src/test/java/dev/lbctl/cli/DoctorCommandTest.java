package dev.lbctl.cli;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.doctor.Code;
import dev.lbctl.doctor.Finding;
import dev.lbctl.doctor.Report;
import dev.lbctl.report.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lbctl doctor}'s output contract (the JSON shape the issue fixes) and its usage errors. */
class DoctorCommandTest {

    private static final Report REPORT = new Report(
            List.of(new Finding(Finding.Severity.ERROR, Code.NODES_EXCLUDED_BY_LABEL, "Service default/web", "no node may announce",
                    "kubectl label node cp-1 node.kubernetes.io/exclude-from-external-load-balancers-"),
                    new Finding(Finding.Severity.INFO, Code.NOT_LAYER2, "Service default/bgp", "BGP only", null)),
            List.of(new Report.ServiceCheck("default", "web", "192.168.10.1", null, "cp-1"),
                    new Report.ServiceCheck("default", "pending", null, null, null)));

    @Test
    void jsonHasExactlyTheDocumentedShape() {
        assertThat(Json.write(DoctorCommand.json(REPORT))).isEqualToIgnoringWhitespace("""
                {"findings": [
                  {"severity": "error", "code": "nodes-excluded-by-label", "object": "Service default/web",
                   "message": "no node may announce",
                   "fix": "kubectl label node cp-1 node.kubernetes.io/exclude-from-external-load-balancers-"},
                  {"severity": "info", "code": "not-layer2", "object": "Service default/bgp", "message": "BGP only", "fix": null}],
                 "services": [
                  {"namespace": "default", "name": "web", "ip": "192.168.10.1", "announcement": {"predicted": null, "actual": "cp-1"}},
                  {"namespace": "default", "name": "pending", "ip": null, "announcement": {"predicted": null, "actual": null}}]}
                """);
    }

    @Test
    void tableShowsEachFindingWithItsFixThenTheServices() {
        String table = DoctorCommand.table(REPORT);
        assertThat(table).startsWith("ERROR nodes-excluded-by-label: Service default/web\n  no node may announce\n  fix: kubectl label")
                .contains("INFO not-layer2: Service default/bgp\n  BGP only\n")
                .containsPattern("NAMESPACE +NAME +IP +PREDICTED NODE +ANNOUNCING NODE")
                .containsPattern("default +web +192\\.168\\.10\\.1 +- +cp-1");
        assertThat(DoctorCommand.table(new Report(List.of(), List.of()))).isEqualTo("No problems found.\n");
    }

    @Test
    void serviceAndAllTogetherIsAUsageError() {
        CliRun run = lbctl("doctor", "web", "--all");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--all");
    }

    @Test
    void namespaceTwiceIsAUsageErrorNamingTheValue() {
        CliRun run = lbctl("doctor", "-n", "prod", "default/web");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("\"default/web\"");
    }

    @Test
    void unreachableClusterIsExitCode4(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CliRun run = CliRun.lbctlOn(CliRun.unreachableKubeconfig(dir), "--request-timeout", "5s", "doctor");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CLUSTER_ACCESS);
        assertThat(run.err()).startsWith("lbctl: error: ").doesNotContain("\tat ");
    }
}
