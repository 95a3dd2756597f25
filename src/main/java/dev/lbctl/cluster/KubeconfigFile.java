package dev.lbctl.cluster;

import dev.lbctl.i18n.Messages;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks a kubeconfig before the client library reads it, so a directory, an empty, binary or huge file, or YAML that
 * is not a kubeconfig gets one sentence naming the file (exit 4) rather than the library's own failure.
 */
final class KubeconfigFile {

    /** Far above any real kubeconfig; reading stops there, so a device or pipe cannot exhaust memory. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private KubeconfigFile() {
    }

    /** The first file of $KUBECONFIG, which is the one the client reads first. */
    static Optional<Path> fromEnvironment() {
        String env = System.getenv("KUBECONFIG");
        if (env == null || env.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(env.split(File.pathSeparator)[0]));
    }

    static void check(Path file) {
        if (Files.isDirectory(file)) {
            throw bad(file, Messages.get("kubeconfig.directory"));
        }
        if (!Files.isReadable(file)) {
            throw new ClusterAccessException(Messages.get("kubeconfig.unreadable", file));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ClusterAccessException(Messages.get("kubeconfig.unreadableBecause", file, e.getMessage()), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw bad(file, Messages.get("kubeconfig.tooLarge", String.valueOf(MAX_BYTES)));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw bad(file, Messages.get("kubeconfig.notUtf8"));
        }
        if (text.isBlank()) {
            throw bad(file, Messages.get("kubeconfig.empty"));
        }
        if (text.indexOf('\0') >= 0) {
            throw bad(file, Messages.get("kubeconfig.nul"));
        }
        Object doc;
        try {
            LoaderOptions limits = new LoaderOptions();
            limits.setMaxAliasesForCollections(50);
            doc = new Yaml(new SafeConstructor(limits)).load(text);
        } catch (RuntimeException e) {
            throw bad(file, Messages.get("kubeconfig.notYaml"));
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.containsKey("clusters") || map.containsKey("contexts"))) {
            throw bad(file, Messages.get("kubeconfig.notKubeconfig"));
        }
    }

    private static ClusterAccessException bad(Path file, String problem) {
        return new ClusterAccessException(Messages.get("kubeconfig.bad", file, problem));
    }
}
