package dev.lbctl.cli;

import dev.lbctl.i18n.Messages;
import dev.lbctl.report.CellWidth;
import dev.lbctl.report.JUnitXml;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import dev.lbctl.verify.ArticleView;
import dev.lbctl.verify.CheckResult;
import dev.lbctl.verify.Verifier;
import dev.lbctl.verify.VerifyOptions;
import dev.lbctl.verify.VerifyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify", description = {
    "Deploy nginx behind a LoadBalancer Service, wait for its external IP and fetch the page: MetalLB end to end.",
    "Checks offline first and creates nothing when MetalLB would leave the Service pending. Cleans up unless --keep.",
    "Exit 0 when every check passed, 1 when one failed, 5 on timeout, 4 on cluster access errors."})
public class VerifyCommand implements Callable<Integer> {

    @Option(names = "--ip", paramLabel = "IP", description = "Ask MetalLB for this address.")
    String ip;

    @Option(names = "--pool-name", paramLabel = "NAME", description = "Take the address from this pool.")
    String poolName;

    @Option(names = "--namespace", paramLabel = "NS", description = {"Namespace to deploy in (default: lbctl-verify-<random>);"
            + " created and deleted when it does not exist, else only verify's own objects in it are deleted."})
    String namespace;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = VerifyOptions.DEFAULT_IMAGE,
            description = "Image to serve HTTP (default: ${DEFAULT-VALUE}; another image must listen on --port).")
    String image;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2", description = "Replicas (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--port", paramLabel = "P", defaultValue = "80", description = "Service port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long verify may take in all (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--keep", description = "Keep the namespace, Deployment and Service afterwards.")
    boolean keep;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report (one testcase per check).")
    Path junit;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    @Override
    public Integer call() {
        if (replicas < 1 || port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), Messages.get("verify.replicasOrPort"));
        }
        if (ip != null && dev.lbctl.pool.IpAddress.parse(ip).isEmpty()) {
            throw new ParameterException(spec.commandLine(), Messages.get("verify.badIp", ip));
        }
        if (namespace != null && !dev.lbctl.pool.KubernetesNames.isDnsLabel(namespace)) {
            throw new ParameterException(spec.commandLine(), Messages.get("verify.badNamespace", namespace));
        }
        if (junit != null) {
            checkWritable(junit);
        }
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        VerifyOptions options = new VerifyOptions(Optional.ofNullable(ip), Optional.ofNullable(poolName),
                namespace != null ? namespace : "lbctl-verify-" + randomSuffix(), image, replicas, port, timeout, keep);
        try (ClusterSession session = new ClusterSession(global)) {
            boolean unicode = !global.noColor();
            Verifier verifier = new Verifier(session.cluster(), r -> progress.info((r.passed() ? (unicode ? "✓" : "ok")
                    : (unicode ? "✗" : "FAILED")) + " " + r.name() + " (" + Progress.seconds(r.duration()) + ")"));
            Thread cleanupOnInterrupt = new Thread(verifier::cleanUp);
            if (!keep) {
                Runtime.getRuntime().addShutdownHook(cleanupOnInterrupt);
            }
            VerifyReport report;
            try {
                report = verifier.run(options);
            } finally {
                if (!keep) {
                    Runtime.getRuntime().removeShutdownHook(cleanupOnInterrupt);
                    cleanUp(verifier, progress);
                }
            }
            if (junit != null) {
                writeJunit(report);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.write(json(report)) : table(report));
            out.flush();
            if (report.passed()) {
                return ExitCode.OK;
            }
            return report.timedOut() ? ExitCode.TIMED_OUT : ExitCode.CHECK_FAILED;
        }
    }

    /** A cleanup failure is reported, but never hides the run's own outcome. */
    private static void cleanUp(Verifier verifier, Progress progress) {
        try {
            verifier.cleanUp().forEach(deleted -> progress.info(Messages.get("verify.deleted", deleted)));
        } catch (RuntimeException e) {
            progress.warn(Messages.get("verify.cleanupFailed", e.getMessage()));
        }
    }

    /** Checked before anything runs, so a report that cannot be written does not waste a verify. */
    private void checkWritable(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        boolean ok = Files.isDirectory(parent) && Files.isWritable(parent) && !Files.isDirectory(file)
                && (!Files.exists(file) || Files.isWritable(file));
        if (!ok) {
            throw new ParameterException(spec.commandLine(), Files.isDirectory(parent)
                    ? Messages.get("verify.junitNotWritable", file) : Messages.get("verify.junitNoDirectory", file, parent));
        }
    }

    private static String randomSuffix() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(SUFFIX_ALPHABET.charAt(random.nextInt(SUFFIX_ALPHABET.length())));
        }
        return sb.toString();
    }

    private void writeJunit(VerifyReport report) {
        String xml = JUnitXml.write("lbctl verify", report.checks().stream().map(c -> new JUnitXml.Case(c.name(), c.duration(),
                c.passed() ? null : c.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                c.passed() ? null : c.message())).toList());
        try {
            Files.writeString(junit, xml);
        } catch (IOException e) {
            throw new LbctlFailure(ExitCode.INVALID_INPUT, Messages.get("verify.junitWriteFailed", junit, e.getMessage()), e);
        }
    }

    static String line(CheckResult c) {
        String mark = switch (c.outcome()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case TIMED_OUT -> "TIMEOUT";
        };
        return String.format(Locale.ROOT, "%-7s %s %6s  %s", mark, CellWidth.pad(checkTitle(c.name()), 40), Progress.seconds(c.duration()), c.message());
    }

    /** A check's name as the table shows it: JSON and JUnit keep the English name, which identifies the check. */
    static String checkTitle(String name) {
        return Messages.getOrDefault("verify.check." + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), name);
    }

    static String table(VerifyReport report) {
        StringBuilder sb = new StringBuilder();
        if (!report.pods().isEmpty() || report.service().isPresent()) {
            sb.append(ArticleView.podHeader()).append('\n');
            report.pods().forEach(p -> sb.append(p).append('\n'));
            sb.append('\n');
            report.service().ifPresent(s -> sb.append(ArticleView.serviceHeader()).append('\n').append(s).append("\n\n"));
        }
        report.checks().forEach(c -> sb.append(line(c)).append('\n'));
        long passed = report.checks().stream().filter(CheckResult::passed).count();
        String summary = Messages.get(report.passed() ? "verify.passed" : "verify.failed", passed, report.checks().size());
        sb.append(report.ip().map(ip -> Messages.get("verify.withIp", summary, ip)).orElse(summary)).append('\n');
        return sb.toString();
    }

    static Map<String, Object> json(VerifyReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("passed", report.passed());
        doc.put("namespace", report.namespace());
        doc.put("ip", report.ip().orElse(null));
        doc.put("pool", report.pool().orElse(null));
        doc.put("checks", report.checks().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("result", c.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            m.put("seconds", String.format(Locale.ROOT, "%.1f", c.duration().toMillis() / 1000.0));
            m.put("message", c.message());
            return m;
        }).toList());
        return doc;
    }
}
