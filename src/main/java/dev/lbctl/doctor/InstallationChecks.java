package dev.lbctl.doctor;

import dev.lbctl.cluster.Fields;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.i18n.Messages;
import dev.lbctl.kubeproxy.StrictArpCheck;
import dev.lbctl.kubeproxy.StrictArpResult;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.status.MetalLbStatus;
import dev.lbctl.status.WorkloadStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Is MetalLB installed and running: workloads, their pods, the memberlist Secret, the webhook, kube-proxy. */
final class InstallationChecks {

    private static final String PSA_ENFORCE = "pod-security.kubernetes.io/enforce";
    private static final String K3S_SVCLB_LABEL = "svccontroller.k3s.cattle.io/svcname";

    private final ClusterFacts facts;
    private final List<Finding> out = new ArrayList<>();

    private InstallationChecks(ClusterFacts facts) {
        this.facts = facts;
    }

    static List<Finding> check(ClusterFacts facts) {
        InstallationChecks checks = new InstallationChecks(facts);
        checks.run();
        return checks.out;
    }

    private void run() {
        MetalLbStatus metallb = facts.snapshot().metallb();
        otherLoadBalancers();
        strictArp();
        if (metallb.controller().isEmpty()) {
            out.add(Finding.error(Code.METALLB_NOT_INSTALLED, "Namespace " + metallb.namespace(),
                    Messages.get("doctor.metallbNotInstalled"),
                    "lbctl install --pool RANGE"));
            return;
        }
        String ns = metallb.namespace();
        workload(metallb.controller().get(), "controller", Code.CONTROLLER_NOT_READY, "ReplicaSet");
        metallb.speaker().ifPresentOrElse(s -> {
            workload(s, "speaker", Code.SPEAKER_NOT_READY, "DaemonSet");
            speakersOnEveryNode(s);
        }, () -> out.add(Finding.error(Code.SPEAKER_MISSING, "Namespace " + ns,
                Messages.get("doctor.speakerMissing"), Messages.get("doctor.speakerMissing.fix"))));
        MetalLbVersion version = metallb.version().orElse(MetalLbVersion.LATEST);
        if (!metallb.memberlistSecretPresent() && version.below(0, 13, 0)) {
            out.add(Finding.error(Code.MEMBERLIST_SECRET_MISSING, "Secret " + ns + "/" + metallb.memberlistSecret(),
                    Messages.get(version.below(0, 10, 0) ? "doctor.memberlistMissing.v09" : "doctor.memberlistMissing",
                            metallb.memberlistSecret()),
                    "kubectl create secret generic -n " + ns + " " + metallb.memberlistSecret()
                            + " --from-literal=secretkey=\"$(openssl rand -base64 128)\""));
        }
        if (metallb.configStyle().filter(s -> s == ConfigStyle.CRD).isPresent()) {
            webhook(metallb);
        }
        for (Map<String, Object> state : facts.snapshot().configurationStates()) {
            Map<String, Object> status = Fields.map(state, "status");
            if ("Invalid".equals(Fields.string(status, "result"))) {
                out.add(Finding.error(Code.CONFIGURATION_INVALID, "ConfigurationState " + ns + "/" + Fields.name(state),
                        Messages.get("doctor.configurationInvalid", Fields.string(status, "errorSummary")),
                        Messages.get("doctor.configurationInvalid.fix")));
            }
        }
    }

    private void workload(WorkloadStatus status, String component, Code code, String creator) {
        if (status.ready() >= status.desired() && status.desired() > 0) {
            return;
        }
        String ns = facts.metallbNamespace();
        Set<String> why = new LinkedHashSet<>();
        facts.componentPods(component).stream().filter(p -> !ClusterFacts.ready(p))
                .forEach(p -> why.add(Fields.name(p) + ": " + ClusterFacts.podTrouble(p)));
        String object = status.kind() + " " + ns + "/" + status.name();
        out.add(Finding.error(code, object, why.isEmpty() ? Messages.get("doctor.podsNotReady", status.ready(), status.desired(), component)
                : Messages.get("doctor.podsNotReady.why", status.ready(), status.desired(), component, String.join("; ", why)),
                "kubectl -n " + ns + " describe pods -l component=" + component));
        // FailedCreate: the pods do not even exist, e.g. Pod Security admission refuses the speaker's hostNetwork.
        for (Map<String, Object> event : facts.metallbEvents("FailedCreate")) {
            String kind = Fields.string(Fields.map(event, "involvedObject"), "kind");
            if (!creator.equals(kind)) {
                continue;
            }
            String message = String.valueOf(Fields.string(event, "message"));
            boolean podSecurity = message.contains("PodSecurity");
            out.add(Finding.error(Code.PODS_NOT_CREATED, object, Messages.get("doctor.podsNotCreated", message.strip()),
                    podSecurity ? "kubectl label namespace " + ns + " " + PSA_ENFORCE + "=privileged --overwrite"
                            : "kubectl -n " + ns + " get events --field-selector reason=FailedCreate"));
            break;
        }
    }

    private void speakersOnEveryNode(WorkloadStatus speaker) {
        Set<String> withSpeaker = new TreeSet<>();
        facts.componentPods("speaker").forEach(p -> {
            if (ClusterFacts.nodeOf(p) != null) {
                withSpeaker.add(ClusterFacts.nodeOf(p));
            }
        });
        Set<String> without = new TreeSet<>();
        facts.snapshot().nodes().stream().map(Fields::name).filter(n -> !withSpeaker.contains(n)).forEach(without::add);
        if (!without.isEmpty() && !withSpeaker.isEmpty()) {
            out.add(Finding.warning(Code.SPEAKER_MISSING_ON_NODES, "DaemonSet " + facts.metallbNamespace() + "/" + speaker.name(),
                    Messages.get("doctor.speakerMissingOnNodes", String.join(", ", without)),
                    "kubectl describe node " + without.iterator().next() + " | grep -i taint"));
        }
    }

    private void webhook(MetalLbStatus metallb) {
        String ns = metallb.namespace();
        if (metallb.webhookEndpoints().filter(ready -> !ready).isPresent()) {
            out.add(Finding.error(Code.WEBHOOK_NO_ENDPOINTS, "Service " + ns + "/" + metallb.webhookService().orElse("webhook"),
                    Messages.get("doctor.webhookNoEndpoints"),
                    "kubectl -n " + ns + " get endpointslices,pods -l component=controller"));
        }
        for (Map<String, Object> config : facts.snapshot().webhookConfigurations()) {
            for (Object o : Fields.list(config, "webhooks")) {
                Map<String, Object> webhook = ClusterFacts.asMap(o);
                Map<String, Object> clientConfig = Fields.map(webhook, "clientConfig");
                Map<String, Object> service = Fields.map(clientConfig, "service");
                String caBundle = Fields.string(clientConfig, "caBundle");
                if (ns.equals(Fields.string(service, "namespace")) && (caBundle == null || caBundle.isBlank())) {
                    out.add(Finding.error(Code.WEBHOOK_NO_CA_BUNDLE,
                            "ValidatingWebhookConfiguration " + Fields.name(config),
                            Messages.get("doctor.webhookNoCaBundle", Fields.string(webhook, "name")),
                            "kubectl -n " + ns + " logs deploy/" + metallb.controller().map(WorkloadStatus::name).orElse("controller")
                                    + " | grep -i cert"));
                    return;
                }
            }
        }
    }

    private void strictArp() {
        StrictArpResult result = StrictArpCheck.evaluate(facts.snapshot().kubeProxyConfig());
        if (result.status() == StrictArpResult.Status.NEEDS_CHANGE) {
            out.add(Finding.error(Code.STRICT_ARP_DISABLED, "ConfigMap kube-system/kube-proxy", Messages.get("doctor.strictArpDisabled", result.reason()),
                    "lbctl check-strictarp --fix"));
        }
    }

    private void otherLoadBalancers() {
        Set<String> svclb = new TreeSet<>();
        for (Map<String, Object> pod : facts.snapshot().pods()) {
            Map<String, Object> labels = Fields.map(Fields.map(pod, "metadata"), "labels");
            if (String.valueOf(Fields.name(pod)).startsWith("svclb-") || labels.containsKey(K3S_SVCLB_LABEL)) {
                svclb.add(Fields.namespace(pod) + "/" + Fields.name(pod));
            }
        }
        if (!svclb.isEmpty()) {
            out.add(Finding.warning(Code.OTHER_LOAD_BALANCER, "Pod " + svclb.iterator().next(),
                    Messages.get("doctor.otherLoadBalancer", String.join(", ", svclb)),
                    Messages.get("doctor.otherLoadBalancer.fix")));
        }
    }
}
