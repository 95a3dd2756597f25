package dev.lbctl.cluster;

import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Runs, on a second core while the command line is still being parsed, the side-effect-free first steps of a cluster
 * read: parsing the kubeconfig file into fabric8's model (no exec credential plugin runs, no connection is made) and
 * preparing the JDK's TLS machinery. Its results are thrown away; what remains is the JVM's work of loading and
 * initializing those classes, which the real connection then finds done. A wrong guess costs only that work.
 */
public final class ClusterWarmup {

    private ClusterWarmup() {
    }

    /** {@code kubeconfig}: the file the command line names, or null for $KUBECONFIG's first file, else ~/.kube/config. */
    public static void start(Path kubeconfig) {
        Thread thread = new Thread(() -> warm(kubeconfig), "lbctl-cluster-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm(Path kubeconfig) {
        try {
            Path file = kubeconfig != null ? kubeconfig : KubeconfigFile.fromEnvironment()
                    .orElse(Path.of(System.getProperty("user.home"), ".kube", "config"));
            if (Files.isRegularFile(file) && Files.size(file) < 1024 * 1024) {
                KubeConfigUtils.parseConfig(new File(file.toString()));
            }
            SSLContext.getInstance("TLS");
            CertificateFactory.getInstance("X.509");
            KeyStore.getInstance("PKCS12").load(null, null);
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        } catch (Exception | LinkageError e) {
            // only a head start: the connection does all of this again and reports what goes wrong
        }
    }
}
