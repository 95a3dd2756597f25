package main

import "go.universe.tf/metallb/internal/config"

// parse is config.Parse of v0.12, which first runs the checks of the BGP implementation in use.
func parse(text []byte, bgp string) error {
	validate := config.DontValidate
	switch bgp {
	case "native":
		validate = config.DiscardFRROnly
	case "frr":
		validate = config.DiscardNativeOnly
	}
	_, err := config.Parse(text, validate)
	return err
}
