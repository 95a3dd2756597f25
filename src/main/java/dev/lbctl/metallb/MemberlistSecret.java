package dev.lbctl.metallb;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secret {@code memberlist} that MetalLB v0.9.x speakers need and that lbctl must create (v0.10 and later
 * controllers create their own). Its key encrypts memberlist traffic between speakers, so it never appears in
 * {@code toString}, logs or error messages.
 */
public final class MemberlistSecret {

    public static final String NAME = "memberlist";
    public static final String KEY = "secretkey";
    /** As the documented {@code openssl rand -base64 128}. */
    private static final int RANDOM_BYTES = 128;

    private final String namespace;
    private final String secretKey;

    private MemberlistSecret(String namespace, String secretKey) {
        this.namespace = namespace;
        this.secretKey = secretKey;
    }

    public static MemberlistSecret generate(String namespace, SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return new MemberlistSecret(namespace, Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * The Secret object. Like {@code kubectl create secret --from-literal=secretkey=$(openssl rand -base64 128)}, the key
     * is the base64 text of the random bytes, so {@code data} holds that text base64-encoded once more.
     */
    public Map<String, Object> toObject() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", NAME);
        metadata.put("namespace", namespace);
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", metadata);
        secret.put("type", "Opaque");
        secret.put("data", new RedactedData(KEY, Base64.getEncoder().encodeToString(secretKey.getBytes(StandardCharsets.US_ASCII))));
        return secret;
    }

    @Override
    public String toString() {
        return "Secret " + namespace + "/" + NAME + " (" + KEY + " redacted)";
    }

    /** A data map that prints its keys only, so that logging the whole Secret object cannot leak the key. */
    private static final class RedactedData extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

        RedactedData(String key, String value) {
            put(key, value);
        }

        @Override
        public String toString() {
            return keySet().stream().map(k -> k + "=<redacted>").toList().toString();
        }
    }
}
