// lbctl's validation oracle for MetalLB's custom-resource releases (v0.13 and later).
//
// It is built by scripts/metallb-oracle inside a copy of MetalLB's module source (internal/config is an
// internal package, so the importer must live in MetalLB's own module tree), and calls MetalLB's own
// config.For on the resources of each file given, as the controller does when it reconciles.
// Resources are sorted by name first, as the controller does before it calls config.For.
// It prints one JSON line per file: {"file":..,"valid":..,"error":..,"errors":[..],"decodeError":..}.
//
// What config.For needs besides the files (nodes, namespaces, password secrets) is what lbctl assumes
// offline: one node without labels, no namespaces, and every referenced password secret present and
// well-formed (basic-auth with a password).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
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

type verdict struct {
	File        string   `json:"file"`
	Valid       bool     `json:"valid"`
	Error       string   `json:"error,omitempty"`
	Errors      []string `json:"errors,omitempty"`
	DecodeError string   `json:"decodeError,omitempty"`
}

func main() {
	bgp := flag.String("bgp", "native", "BGP implementation whose checks apply: native, frr, frr-k8s, or none")
	runs := flag.Int("runs", 20, "times to run MetalLB's check on each file (see check)")
	flag.Parse()
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	for _, file := range flag.Args() {
		v := verdict{File: file}
		resources, err := read(file)
		if err != nil {
			v.DecodeError = err.Error()
		} else {
			v.Errors = check(*runs, func() error {
				_, err := config.For(resources, config.ValidationFor(*bgp))
				return err
			})
			v.Valid = len(v.Errors) == 0
			if !v.Valid {
				v.Error = v.Errors[0]
			}
		}
		if err := out.Encode(v); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
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
		var o metallbv1beta1.IPAddressPool
		if err := yaml.UnmarshalStrict(doc, &o); err != nil {
			return err
		}
		r.Pools = append(r.Pools, o)
	case "L2Advertisement":
		var o metallbv1beta1.L2Advertisement
		if err := yaml.UnmarshalStrict(doc, &o); err != nil {
			return err
		}
		r.L2Advs = append(r.L2Advs, o)
	case "BGPAdvertisement":
		var o metallbv1beta1.BGPAdvertisement
		if err := yaml.UnmarshalStrict(doc, &o); err != nil {
			return err
		}
		r.BGPAdvs = append(r.BGPAdvs, o)
	case "BGPPeer":
		var o metallbv1beta2.BGPPeer
		if err := yaml.UnmarshalStrict(doc, &o); err != nil {
			return err
		}
		r.Peers = append(r.Peers, o)
	case "BFDProfile":
		var o metallbv1beta1.BFDProfile
		if err := yaml.UnmarshalStrict(doc, &o); err != nil {
			return err
		}
		r.BFDProfiles = append(r.BFDProfiles, o)
	case "Community":
		var o metallbv1beta1.Community
		if err := yaml.UnmarshalStrict(doc, &o); err != nil {
			return err
		}
		r.Communities = append(r.Communities, o)
	default:
		return fmt.Errorf("kind %q is not read by the oracle", kind)
	}
	return nil
}

// check runs MetalLB's check several times: where MetalLB ranges over a Go map (pools, selected pools,
// matchLabels, ConfigMap communities) its first error is random, so every distinct error seen is listed.
func check(runs int, run func() error) []string {
	var errs []string
	seen := map[string]bool{}
	for i := 0; i < runs; i++ {
		if err := recovered(run); err != nil && !seen[err.Error()] {
			seen[err.Error()] = true
			errs = append(errs, err.Error())
		}
	}
	return errs
}

// recovered runs MetalLB's check, turning a panic into an error "panic: ...": the controller's reconciler
// recovers it the same way and loads no configuration.
func recovered(run func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return run()
}
