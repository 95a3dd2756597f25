package dev.lbctl.cli;

/** The {@code -o} choices: a table for people, JSON (and for plans, YAML) for programs. */
public enum OutputFormat {
    table, json, yaml
}
