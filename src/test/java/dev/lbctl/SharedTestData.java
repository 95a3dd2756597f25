package dev.lbctl;

import java.nio.file.Path;

/**
 * The test data kept outside the repository, beside it: {@code ../shared} (MetalLB's upstream manifests in
 * {@code metallb/<version>/}), or {@code -Dlbctl.shared=DIR}. The path is normalized because a server that compares
 * request paths with it must not see {@code ..}.
 */
public final class SharedTestData {

    private SharedTestData() {
    }

    public static Path shared() {
        String configured = System.getProperty("lbctl.shared", "../shared");
        return Path.of(configured).toAbsolutePath().normalize();
    }

    public static Path metallb() {
        return shared().resolve("metallb");
    }
}
