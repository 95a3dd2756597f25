package dev.lbctl.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The YAML warm-up starts only for command lines that name a YAML file, in either option form. */
class WarmupTest {

    @Test
    void warmsYamlOnlyWhenAFileOptionIsGiven() {
        assertThat(Warmup.namesYamlFile(new String[] {"pool", "simulate", "-f", "p.yaml", "--services", "s.yaml"})).isTrue();
        assertThat(Warmup.namesYamlFile(new String[] {"pool", "validate", "--file=p.yaml"})).isTrue();
        assertThat(Warmup.namesYamlFile(new String[] {"config", "migrate", "--file", "-"})).isTrue();
        assertThat(Warmup.namesYamlFile(new String[] {"pool", "validate", "192.168.100.240-250"})).isFalse();
        assertThat(Warmup.namesYamlFile(new String[] {"--version"})).isFalse();
        assertThat(Warmup.namesYamlFile(new String[] {"pool", "validate", "--pool", "a=10.0.0.0/24"})).isFalse();
    }
}
