// lbctl's validation oracle for MetalLB's ConfigMap releases (v0.9 to v0.12).
//
// It is built by scripts/metallb-oracle inside a copy of MetalLB's module source (internal/config is an
// internal package) and calls MetalLB's own config.Parse on each file given, as the controller does with
// the ConfigMap's "config" key. A file is either that text, or a ConfigMap manifest whose data.config is
// taken. It prints one JSON line per file: {"file":..,"valid":..,"error":..,"decodeError":..}.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"go.universe.tf/metallb/internal/config"
	"gopkg.in/yaml.v2"
)

type verdict struct {
	File        string `json:"file"`
	Valid       bool   `json:"valid"`
	Error       string `json:"error,omitempty"`
	DecodeError string `json:"decodeError,omitempty"`
}

func main() {
	bgp := flag.String("bgp", "native", "BGP implementation whose checks apply: native, frr, or none")
	flag.Parse()
	validate := config.DontValidate
	switch *bgp {
	case "native":
		validate = config.DiscardFRROnly
	case "frr":
		validate = config.DiscardNativeOnly
	}
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	for _, file := range flag.Args() {
		v := verdict{File: file}
		text, err := configText(file)
		if err != nil {
			v.DecodeError = err.Error()
		} else if _, err := config.Parse(text, validate); err != nil {
			v.Error = err.Error()
		} else {
			v.Valid = true
		}
		if err := out.Encode(v); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
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
