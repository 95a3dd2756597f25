// lbctl's validation oracle for MetalLB's custom-resource releases (v0.13 and later): MetalLB's own config.For on
// the resources of each file, as the controller does when it reconciles (it sorts each kind by name first, and so
// does this). Built with ../oracle.go by scripts/metallb-oracle.
//
// What config.For needs besides the files (nodes, namespaces, password secrets) is what lbctl assumes
// offline: one node without labels, no namespaces, and every referenced password secret present and
// well-formed (basic-auth with a password).
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"

	metallbv1beta1 "go.universe.tf/metallb/api/v1beta1"
	metallbv1beta2 "go.universe.tf/metallb/api/v1beta2"
	"go.universe.tf/metallb/internal/config"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

const bgpModes = "native, frr, frr-k8s, or none"

func prepare(file, bgp string) (func() error, error) {
	resources, err := read(file)
	if err != nil {
		return nil, err
	}
	return func() error {
		_, err := config.For(resources, config.ValidationFor(bgp))
		return err
	}, nil
}

func read(file string) (config.ClusterResources, error) {
	r := config.ClusterResources{
		PasswordSecrets: map[string]corev1.Secret{},
		Nodes:           []corev1.Node{{ObjectMeta: metav1.ObjectMeta{Name: "lbctl-assumed-node"}}},
	}
	f, err := os.Open(file)
	if err != nil {
		return r, err
	}
	defer f.Close()
	docs := utilyaml.NewYAMLReader(bufio.NewReader(f))
	for {
		doc, err := docs.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return r, err
		}
		if len(bytes.TrimSpace(doc)) == 0 {
			continue
		}
		var meta metav1.TypeMeta
		if err := yaml.Unmarshal(doc, &meta); err != nil {
			return r, err
		}
		if err := add(&r, meta.Kind, doc); err != nil {
			return r, fmt.Errorf("%s: %w", meta.Kind, err)
		}
	}
	// The controller sorts every list by name before config.For (toConfig, sortedCopy); so does lbctl.
	sortByName(r.Pools, func(o metallbv1beta1.IPAddressPool) string { return o.Name })
	sortByName(r.Peers, func(o metallbv1beta2.BGPPeer) string { return o.Name })
	sortByName(r.BFDProfiles, func(o metallbv1beta1.BFDProfile) string { return o.Name })
	sortByName(r.L2Advs, func(o metallbv1beta1.L2Advertisement) string { return o.Name })
	sortByName(r.BGPAdvs, func(o metallbv1beta1.BGPAdvertisement) string { return o.Name })
	sortByName(r.Communities, func(o metallbv1beta1.Community) string { return o.Name })
	for _, p := range r.Peers {
		if name := p.Spec.PasswordSecret.Name; name != "" {
			r.PasswordSecrets[name] = corev1.Secret{
				ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: p.Spec.PasswordSecret.Namespace},
				Type:       corev1.SecretTypeBasicAuth,
				Data:       map[string][]byte{"password": []byte("lbctl-assumed")},
			}
		}
	}
	return r, nil
}

func sortByName[T any](items []T, name func(T) string) {
	sort.SliceStable(items, func(i, j int) bool { return name(items[i]) < name(items[j]) })
}

// add decodes one document strictly (unknown fields are an error, as the API server's strict decoding).
func add(r *config.ClusterResources, kind string, doc []byte) error {
	switch kind {
	case "IPAddressPool":
		return appendDecoded(doc, &r.Pools)
	case "L2Advertisement":
		return appendDecoded(doc, &r.L2Advs)
	case "BGPAdvertisement":
		return appendDecoded(doc, &r.BGPAdvs)
	case "BGPPeer":
		return appendDecoded(doc, &r.Peers)
	case "BFDProfile":
		return appendDecoded(doc, &r.BFDProfiles)
	case "Community":
		return appendDecoded(doc, &r.Communities)
	}
	return fmt.Errorf("kind %q is not read by the oracle", kind)
}

func appendDecoded[T any](doc []byte, list *[]T) error {
	var o T
	if err := yaml.UnmarshalStrict(doc, &o); err != nil {
		return err
	}
	*list = append(*list, o)
	return nil
}
