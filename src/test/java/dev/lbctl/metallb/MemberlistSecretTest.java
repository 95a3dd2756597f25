package dev.lbctl.metallb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberlistSecretTest {

    private final MemberlistSecret secret = MemberlistSecret.generate("metallb-system", new SecureRandom());

    @Test
    void isTheSecretTheV09SpeakersReference() {
        Map<String, Object> object = secret.toObject();

        assertThat(object).containsEntry("apiVersion", "v1").containsEntry("kind", "Secret").containsEntry("type", "Opaque");
        assertThat(object.get("metadata")).isEqualTo(Map.of("name", "memberlist", "namespace", "metallb-system"));
        assertThat(((Map<?, ?>) object.get("data")).keySet()).isEqualTo(Set.of("secretkey"));
    }

    @Test
    void theKeyIsTheBase64TextOf128RandomBytesAsOpensslRandWouldGiveIt() {
        byte[] literal = Base64.getDecoder().decode(data(secret));

        assertThat(Base64.getDecoder().decode(new String(literal, StandardCharsets.US_ASCII))).hasSize(128);
    }

    @Test
    void everySecretIsNew() {
        assertThat(data(MemberlistSecret.generate("metallb-system", new SecureRandom()))).isNotEqualTo(data(secret));
    }

    @Test
    void neitherTheSecretNorItsObjectPrintsTheKey() {
        String encoded = data(secret);
        String literal = new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII);

        assertThat(secret.toString()).isEqualTo("Secret metallb-system/memberlist (secretkey redacted)");
        assertThat(secret.toObject().toString()).doesNotContain(encoded).doesNotContain(literal).contains("secretkey=<redacted>");
    }

    private static String data(MemberlistSecret secret) {
        return (String) ((Map<?, ?>) secret.toObject().get("data")).get("secretkey");
    }
}
