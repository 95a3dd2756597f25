package dev.lbctl.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.i18n.Messages;
import dev.lbctl.metallb.BgpSpec;
import dev.lbctl.metallb.LegacyBgpConfig;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.PoolSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A BGP peer's password Secret is checked as MetalLB checks it (metallb@v0.16.1:internal/config/config.go,
 * passwordFromSecretForPeer: it must exist, be of type kubernetes.io/basic-auth and hold the key password), and its
 * value is only ever used, never shown.
 */
class PasswordSecretTest {

    private static Map<String, Object> secret(String type, Map<String, Object> data) {
        return Map.of("apiVersion", "v1", "kind", "Secret", "type", type, "data", data,
                "metadata", Map.of("name", "router-md5", "namespace", "metallb-system"));
    }

    private static final String ENCODED = Base64.getEncoder().encodeToString("s3cr3t-value".getBytes());

    @Test
    void aMissingSecretAWrongTypeAndAMissingKeyAreEachRefusedWithTheirReason() {
        assertThat(Installer.secretProblem(Optional.empty())).contains("install.secret.missing");
        assertThat(Installer.secretProblem(Optional.of(secret("Opaque", Map.of("password", ENCODED)))))
                .contains("install.secret.type");
        assertThat(Installer.secretProblem(Optional.of(secret("kubernetes.io/basic-auth", Map.of("username", ENCODED)))))
                .contains("install.secret.noPassword");
        assertThat(Installer.secretProblem(Optional.of(secret("kubernetes.io/basic-auth", Map.of("password", ENCODED)))))
                .isEmpty();
    }

    @Test
    void theRefusalNamesTheSecretInOneSentence() {
        assertThat(Messages.get("install.secret.missing", "metallb-system/router-md5"))
                .isEqualTo("Secret metallb-system/router-md5 does not exist: create it (type kubernetes.io/basic-auth, key"
                        + " password) before install, as lbctl does not create it.");
    }

    @Test
    void theDecodedPasswordGoesIntoTheConfigMapButNotIntoItsDescription() {
        var password = Installer.password("metallb-system/router-md5",
                secret("kubernetes.io/basic-auth", Map.of("password", ENCODED)));
        PoolSpec lan = new PoolSpec("lan", List.of("192.168.10.240/28"), true, false);
        LegacyBgpConfig bgp = LegacyBgpConfig.forPeer(List.of(lan), new BgpSpec("10.0.0.2", 64502, 64500, Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), false, Optional.of("router-md5")));

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.empty(), LegacyPoolConfig.Owned.NOTHING, List.of(lan),
                bgp, Optional.of(password));

        assertThat(update.configText()).contains("password: s3cr3t-value");
        assertThat(password + " " + update).doesNotContain("s3cr3t-value");
    }
}
