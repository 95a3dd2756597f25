// The part of lbctl's validation oracle shared by both flavours (crd/, configmap/): flags, the loop over the
// files and the JSON verdict. scripts/metallb-oracle copies this file and one flavour's main.go into a copy of
// MetalLB's module source and builds them there; a flavour provides bgpModes and prepare.
//
// It prints one JSON line per file: {"file":..,"valid":..,"error":..,"errors":[..],"decodeError":..}.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
)

type verdict struct {
	File        string   `json:"file"`
	Valid       bool     `json:"valid"`
	Error       string   `json:"error,omitempty"`
	Errors      []string `json:"errors,omitempty"`
	DecodeError string   `json:"decodeError,omitempty"`
}

func main() {
	bgp := flag.String("bgp", "native", "BGP implementation whose checks apply: "+bgpModes)
	runs := flag.Int("runs", 50, "times to run MetalLB's check on each file (see check)")
	flag.Parse()
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	for _, file := range flag.Args() {
		v := verdict{File: file}
		run, err := prepare(file, *bgp)
		if err != nil {
			v.DecodeError = err.Error()
		} else {
			v.Errors = check(*runs, run)
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
