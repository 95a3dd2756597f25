package dev.lbctl.cli;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pool simulate --nodes/--endpoints}: the announcing node per Service, in table and JSON, and bad input. */
class PoolSimulateNodesTest {

    @TempDir
    Path dir;
    Path services;
    Path nodes;

    @BeforeEach
    void files() throws IOException {
        services = dir.resolve("services.yaml");
        Files.writeString(services, """
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: default}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: local, namespace: default}
                spec: {type: LoadBalancer, externalTrafficPolicy: Local, ports: [{port: 80}]}
                """);
        nodes = dir.resolve("nodes.yaml");
        // sha256 order for 192.168.10.1: node-c, node-b, node-a; for 192.168.10.2: node-b, node-a, node-c.
        Files.writeString(nodes, """
                nodes:
                  - name: node-a
                  - name: node-b
                  - name: node-c
                """);
    }

    @Test
    void jsonGainsTheElectedNode() {
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.10.1-192.168.10.2", "--services", services.toString(),
                "--nodes", nodes.toString(), "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString())
                .containsPattern("\"192\\.168\\.10\\.1\"\\s*\\][^}]*\"node\": \"node-c\"")
                .containsPattern("\"192\\.168\\.10\\.2\"\\s*\\][^}]*\"node\": \"node-b\"");
    }

    @Test
    void localPolicyWithoutEndpointsShowsDashAndWhy() throws IOException {
        Path endpoints = dir.resolve("endpoints.yaml");
        Files.writeString(endpoints, """
                services:
                  - service: default/web
                    endpoints: [{node: node-a}]
                  - service: local
                    endpoints: [{node: node-a, ready: false}]
                """);
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.10.1-192.168.10.2", "--services", services.toString(),
                "--nodes", nodes.toString(), "--endpoints", endpoints.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).contains("NODE")
                .containsPattern("web .*node-c")
                .containsPattern("local .*- \\(the Service has no ready endpoint\\)");
    }

    @Test
    void excludedSingleNodeExplainsTheLabel() throws IOException {
        Files.writeString(nodes, """
                nodes:
                  - name: cp-1
                    labels: {node.kubernetes.io/exclude-from-external-load-balancers: ""}
                """);
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.10.1-192.168.10.2", "--services", services.toString(),
                "--nodes", nodes.toString(), "-o", "json");
        assertThat(run.out()).as(run.toString()).contains("\"node\": null")
                .contains("cp-1: it carries the label node.kubernetes.io/exclude-from-external-load-balancers");
        CliRun older = lbctl("pool", "simulate", "--pool", "192.168.10.1-192.168.10.2", "--services", services.toString(),
                "--nodes", nodes.toString(), "--metallb-version", "v0.13.12", "-o", "json");
        assertThat(older.out()).as(older.toString()).contains("\"node\": \"cp-1\"");
    }

    @Test
    void withoutNodesTheOutputKeepsItsShape() {
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.10.1-192.168.10.2", "--services", services.toString(),
                "-o", "json");
        assertThat(run.out()).as(run.toString()).doesNotContain("\"node\"");
    }

    @Test
    void badNodesFileIsOneSentenceNamingTheValue() throws IOException {
        Files.writeString(nodes, "nodes:\n  - name: a\n    speaker: maybe\n");
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.10.1", "--services", services.toString(),
                "--nodes", nodes.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).as(run.toString()).startsWith("lbctl: error: ").contains("maybe").doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void endpointsWithoutNodesIsAUsageError() throws IOException {
        Path endpoints = dir.resolve("endpoints.yaml");
        Files.writeString(endpoints, "services: []\n");
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.10.1", "--services", services.toString(),
                "--endpoints", endpoints.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    }
}
