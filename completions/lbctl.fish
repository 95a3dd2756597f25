# fish completion for lbctl, generated from its command model by 'lbctl completion fish'.
# Install: copy to ~/.config/fish/completions/lbctl.fish

set -g __lbctl_commands 'lbctl pool' 'lbctl pool validate' 'lbctl pool simulate' 'lbctl check-strictarp' 'lbctl config' 'lbctl config migrate' 'lbctl status' 'lbctl doctor' 'lbctl install' 'lbctl uninstall' 'lbctl verify' 'lbctl completion'
set -g __lbctl_value_options '--kubeconfig' '--context' '--request-timeout' '--lang' '--pool' '-f' '--file' '--metallb-version' '-o' '--output' '--services' '--nodes' '--endpoints' '--timeout' '-n' '--namespace' '--manifests' '--ip' '--pool-name' '--image' '--replicas' '--port' '--junit'

# The subcommand path typed so far, e.g. "lbctl pool validate": options and their values are skipped.
function __lbctl_path
    set -l path lbctl
    set -l skip_value 0
    for token in (commandline -opc)[2..-1]
        if test $skip_value -eq 1
            set skip_value 0
            continue
        end
        if string match -q -- '-*' $token
            if contains -- $token $__lbctl_value_options
                set skip_value 1
            end
            continue
        end
        if contains -- "$path $token" $__lbctl_commands
            set path "$path $token"
        end
    end
    echo $path
end

function __lbctl_at
    test (__lbctl_path) = "$argv"
end

complete -c lbctl -f

complete -c lbctl -n '__lbctl_at lbctl' -a 'pool' -d 'Check address pools and predict MetalLB\'s assignments, offline'
complete -c lbctl -n '__lbctl_at lbctl' -a 'check-strictarp' -d 'Check kube-proxy\'s ipvs.strictARP, which MetalLB Layer 2 needs in IPVS mode; --fix sets it and restarts kube-proxy'
complete -c lbctl -n '__lbctl_at lbctl' -a 'config' -d 'Work with MetalLB configuration: convert the legacy ConfigMap to custom resources'
complete -c lbctl -n '__lbctl_at lbctl' -a 'status' -d 'Show MetalLB\'s version, config style and readiness, each pool\'s assigned and total addresses, and every LoadBalancer Service with its IP, pool and announcing node (or why it is pending)'
complete -c lbctl -n '__lbctl_at lbctl' -a 'doctor' -d 'Explain why a LoadBalancer Service is pending or not answering, and predict which node announces it (Layer 2): reads the cluster once and reports findings, each with its evidence and fix'
complete -c lbctl -n '__lbctl_at lbctl' -a 'install' -d 'Install MetalLB (checksum-verified manifests, server-side apply) and configure Layer 2 pools'
complete -c lbctl -n '__lbctl_at lbctl' -a 'uninstall' -d 'Remove what lbctl created, as its inventory (ConfigMap metallb-system/lbctl-inventory) lists it; needs no manifests'
complete -c lbctl -n '__lbctl_at lbctl' -a 'verify' -d 'Deploy nginx behind a LoadBalancer Service, wait for its external IP and fetch the page: MetalLB end to end'
complete -c lbctl -n '__lbctl_at lbctl' -a 'completion' -d 'Print a shell completion script (bash, zsh or fish)'
complete -c lbctl -n '__lbctl_at lbctl' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl pool' -a 'validate' -d 'Validate address pools the way MetalLB does, and warn about what MetalLB does not check'
complete -c lbctl -n '__lbctl_at lbctl pool' -a 'simulate' -d 'Predict which IP MetalLB v0.16 assigns to each LoadBalancer Service, and why a Service would stay pending'
complete -c lbctl -n '__lbctl_at lbctl pool' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl pool' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl pool' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl pool' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl pool' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl pool' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl pool' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl pool' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl pool validate' -l pool -x -d 'A pool: [NAME=]CIDR, range a-b, shorthand 192.168.100.240-250, or a single IP; comma-separate several address blocks of one pool'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -s f -l file -x -d 'A MetalLB configuration: the legacy ConfigMap (or its \'config\' text) or CRD documents'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -l metallb-version -x -d 'The MetalLB release whose rules apply (default: v0.16.1; legacy ConfigMap files imply v0.12.1 unless given)'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl pool validate' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l pool -x -d 'A pool: [NAME=]CIDR, range a-b, shorthand 192.168.100.240-250, or a single IP; comma-separate several address blocks of one pool'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -s f -l file -x -d 'A MetalLB configuration: the legacy ConfigMap (or its \'config\' text) or CRD documents'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l metallb-version -x -d 'The MetalLB release whose rules apply (default: v0.16.1; legacy ConfigMap files imply v0.12.1 unless given)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l services -r -F -d 'Kubernetes Service YAML (multi-document or a List); Namespace documents give namespace labels'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l nodes -r -F -d 'Nodes (kubectl get nodes -o yaml, or the short form in the README): adds the node MetalLB\'s speaker would elect to announce each assigned Layer 2 Service, or - and why none would'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l endpoints -r -F -d 'Endpoints per Service for the election (with --nodes; default: a ready endpoint on every node)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l expect-assigned -d 'Exit 1 when any Service would stay pending (for CI checks)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl pool simulate' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l fix -d 'Set ipvs.strictARP: true (only that key changes), keep a backup, restart kube-proxy'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l dry-run -d 'With --fix: show the change without applying it'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l no-restart -d 'With --fix or --revert: do not restart the kube-proxy DaemonSet'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l revert -d 'Undo lbctl\'s fix: only the strictARP line it changed (later edits stay), then restart kube-proxy'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l timeout -x -d 'How long to wait for the kube-proxy rollout (default: 3m)'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl config' -a 'migrate' -d 'Convert a legacy MetalLB configuration (the ConfigMap of v0.9 to v0.12) to the'
complete -c lbctl -n '__lbctl_at lbctl config' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl config' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl config' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl config' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl config' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl config' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl config' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl config' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl config migrate' -s f -l file -r -F -d 'The legacy configuration: the ConfigMap manifest or its \'config\' text (\'-\' for standard input)'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -s o -l output -x -a 'yaml json' -d 'yaml (documents) or json (a v1 List) (default: yaml)'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl config migrate' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl status' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl status' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl status' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl status' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl status' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl status' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl status' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl status' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl status' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl doctor' -s n -l namespace -x -d 'The Service\'s namespace (default: default)'
complete -c lbctl -n '__lbctl_at lbctl doctor' -s A -l all -d 'Every LoadBalancer Service MetalLB serves'
complete -c lbctl -n '__lbctl_at lbctl doctor' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl doctor' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl doctor' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl doctor' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl doctor' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl doctor' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl doctor' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl doctor' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl doctor' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl install' -l pool -x -d 'A pool: [NAME=]CIDR, range a-b, shorthand 192.168.100.240-250, or a single IP'
complete -c lbctl -n '__lbctl_at lbctl install' -s f -l file -r -F -d 'MetalLB configuration: CRD resources (v0.13+) or the legacy ConfigMap (v0.9-v0.12)'
complete -c lbctl -n '__lbctl_at lbctl install' -l metallb-version -x -d 'MetalLB release: v0.9.6, v0.10.2, v0.12.1, v0.13.12, v0.14.9, v0.15.3, v0.16.1 (default: v0.16.1)'
complete -c lbctl -n '__lbctl_at lbctl install' -l manifests -x -d 'Where the manifests come from (laid out as <version>/<file>) instead of upstream; verified all the same'
complete -c lbctl -n '__lbctl_at lbctl install' -l dry-run -d 'Print the plan and every object; apply nothing (no cluster needed)'
complete -c lbctl -n '__lbctl_at lbctl install' -s o -l output -x -a 'table json yaml' -d 'table, json, or (with --dry-run) yaml for the objects (default: table)'
complete -c lbctl -n '__lbctl_at lbctl install' -l timeout -x -d 'How long install may wait in all (default: 5m)'
complete -c lbctl -n '__lbctl_at lbctl install' -l no-wait -d 'Do not wait for the controller and speaker rollouts'
complete -c lbctl -n '__lbctl_at lbctl install' -l adopt -d 'Take over existing objects of the same names that lbctl did not create (MetalLB\'s, or a pool): lbctl then owns them, overwrites them, and deletes them at uninstall'
complete -c lbctl -n '__lbctl_at lbctl install' -l pools-only -d 'Only add lbctl\'s pools to a MetalLB installed another way; MetalLB itself is left as it is (and uninstall removes only the pools)'
complete -c lbctl -n '__lbctl_at lbctl install' -l skip-strictarp-check -d 'Install even if kube-proxy runs IPVS without strictARP'
complete -c lbctl -n '__lbctl_at lbctl install' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl install' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl install' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl install' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl install' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl install' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl install' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl install' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl uninstall' -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l dry-run -d 'Print what would be deleted and what kept; delete nothing'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l timeout -x -d 'How long to wait for the namespace to be deleted (default: 3m)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l revert-strictarp -d 'Also revert lbctl\'s strictARP change in kube-proxy and restart it'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl uninstall' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl verify' -l ip -x -d 'Ask MetalLB for this address'
complete -c lbctl -n '__lbctl_at lbctl verify' -l pool-name -x -d 'Take the address from this pool'
complete -c lbctl -n '__lbctl_at lbctl verify' -l namespace -x -d 'Namespace to deploy in (default: lbctl-verify-<random>); created and deleted when it does not exist, else only verify\'s own objects in it are deleted'
complete -c lbctl -n '__lbctl_at lbctl verify' -l image -x -d 'Image to serve HTTP (default: nginx; another image must listen on --port)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l replicas -x -d 'Replicas (default: 2)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l port -x -d 'Service port (default: 80)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l timeout -x -d 'How long verify may take in all (default: 3m)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l keep -d 'Keep the namespace, Deployment and Service afterwards'
complete -c lbctl -n '__lbctl_at lbctl verify' -l junit -r -F -d 'Write a JUnit XML report (one testcase per check)'
complete -c lbctl -n '__lbctl_at lbctl verify' -s o -l output -x -a 'table json' -d 'table or json (default: table)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl verify' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl verify' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl verify' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl verify' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl verify' -s V -l version -d 'Print version information and exit'

complete -c lbctl -n '__lbctl_at lbctl completion' -l kubeconfig -r -F -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
complete -c lbctl -n '__lbctl_at lbctl completion' -l context -x -d 'The kubeconfig context to use (default: the current context)'
complete -c lbctl -n '__lbctl_at lbctl completion' -l request-timeout -x -d 'Timeout of a single API request, e.g. 10s, 1m (default: 30s)'
complete -c lbctl -n '__lbctl_at lbctl completion' -l no-color -d 'Do not color the output'
complete -c lbctl -n '__lbctl_at lbctl completion' -l lang -x -a 'en ja' -d 'Language of messages and help: en or ja (default: $LBCTL_LANG, then $LC_ALL, $LC_MESSAGES, $LANG)'
complete -c lbctl -n '__lbctl_at lbctl completion' -s v -l verbose -d 'Print more detail, and stack traces on errors'
complete -c lbctl -n '__lbctl_at lbctl completion' -s h -l help -d 'Show this help message and exit'
complete -c lbctl -n '__lbctl_at lbctl completion' -s V -l version -d 'Print version information and exit'
complete -c lbctl -n '__lbctl_at lbctl completion' -x -a 'bash zsh fish'
