package dev.lbctl.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** configmaptocrs' formatToK8S, case by case, and where lbctl refuses what the API server would refuse. */
class CrdNamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "my-ip-space, my-ip-space",
        "x, x",
        "01-numbered-addresspool, numbered-addresspool",
        "Capitalized-AddressPool, capitalized-addresspool",
        "underscored_bfd_profile, underscored-bfd-profile",
        "_private, private",
        "Pool.V4, pool.v4",
        "tooLongBFDProfileName01-tooLongBFDProfileName02-tooLongBFDProfileName03-tooLongBFDProfileName04,"
                + " toolongbfdprofilename01-toolongbfdprofilename02-toolongbfdprofi",
    })
    void convertsAsConfigmaptocrs(String name, String expected) {
        assertThat(CrdNames.of(name, "address pool", "IPAddressPool")).isEqualTo(expected);
    }

    @Test
    void theCutTo63BytesComesBeforeTheLeadingDigitsGo() {
        assertThat(CrdNames.of("12345" + "a".repeat(70), "address pool", "IPAddressPool")).isEqualTo("a".repeat(58));
    }

    @Test
    void aNameWithoutALetterCannotBeConverted() {
        assertThatThrownBy(() -> CrdNames.of("2024_01", "address pool", "IPAddressPool"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("address pool \"2024_01\" has no letter a-z, so it cannot become a IPAddressPool name"
                        + " (configmaptocrs keeps a name from its first letter on); rename it in the ConfigMap.");
    }

    @Test
    void aSpaceStaysAndIsRefused() {
        assertThatThrownBy(() -> CrdNames.of("My Pool", "address pool", "IPAddressPool"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("address pool \"My Pool\" would become IPAddressPool \"my pool\", which is not a valid Kubernetes name");
    }

    @Test
    void aCutThatEndsInAnUnderscoreIsRefused() {
        String name = "Production_Pool_For_The_Frontend_Services_In_Datacenter_Number_Seven_West";
        assertThatThrownBy(() -> CrdNames.of(name, "address pool", "IPAddressPool"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("\"production-pool-for-the-frontend-services-in-datacenter-number-\"");
    }
}
