// lbctl's validation oracle for MetalLB's ConfigMap releases (v0.9 to v0.12): MetalLB's own config.Parse on each
// file, as the controller does with the ConfigMap's "config" key. A file is either that text, or a ConfigMap
// manifest whose data.config is taken. Built with ../oracle.go and parse_validate.go (v0.12, whose Parse takes
// the BGP implementation's checks) or parse_plain.go (before v0.12) by scripts/metallb-oracle.
package main

import (
	"os"

	"gopkg.in/yaml.v2"
)

const bgpModes = "native, frr, or none"

func prepare(file, bgp string) (func() error, error) {
	text, err := configText(file)
	if err != nil {
		return nil, err
	}
	return func() error { return parse(text, bgp) }, nil
}

func configText(file string) ([]byte, error) {
	bs, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var cm struct {
		Kind string            `yaml:"kind"`
		Data map[string]string `yaml:"data"`
	}
	if yaml.Unmarshal(bs, &cm) == nil && cm.Kind == "ConfigMap" {
		return []byte(cm.Data["config"]), nil
	}
	return bs, nil
}
