package main

import "go.universe.tf/metallb/internal/config"

// parse is config.Parse before v0.12, which has one BGP implementation and no checks of its own for it.
func parse(text []byte, _ string) error {
	_, err := config.Parse(text)
	return err
}
