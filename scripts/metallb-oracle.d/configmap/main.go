// lbctl's validation oracle for MetalLB's ConfigMap releases (v0.9 to v0.12).
//
// It is built by scripts/metallb-oracle inside a copy of MetalLB's module source (internal/config is an
// internal package) and calls MetalLB's own config.Parse on each file given, as the controller does with
// the ConfigMap's "config" key. A file is either that text, or a ConfigMap manifest whose data.config is
// taken. It prints one JSON line per file: {"file":..,"valid":..,"error":..,"errors":[..],"decodeError":..}.
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
	File        string   `json:"file"`
	Valid       bool     `json:"valid"`
	Error       string   `json:"error,omitempty"`
	Errors      []string `json:"errors,omitempty"`
	DecodeError string   `json:"decodeError,omitempty"`
}

func main() {
	bgp := flag.String("bgp", "native", "BGP implementation whose checks apply: native, frr, or none")
	runs := flag.Int("runs", 20, "times to run MetalLB's check on each file (see check)")
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
		} else {
			v.Errors = check(*runs, func() error {
				_, err := config.Parse(text, validate)
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
