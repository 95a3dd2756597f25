package dev.lbctl.metallb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSourceTest {

    private static final MetalLbRelease V0_16_1 = ReleaseCatalog.find("v0.16.1");
    private static final ReleaseFile NATIVE = V0_16_1.files().get(0);
    private static final String NATIVE_PATH = "v0.16.1/metallb-native.yaml";

    @TempDir
    Path temp;

    private ManifestServer mirror;
    private ManifestCache cache;

    @BeforeEach
    void startMirror() throws IOException {
        mirror = new ManifestServer(SharedMetalLb.directory());
        cache = new ManifestCache(temp.resolve("cache"));
    }

    @AfterEach
    void stopMirror() {
        mirror.close();
    }

    @Test
    void readsEveryReleaseFileFromTheSharedDirectoryVerified() {
        ManifestSource local = new LocalManifestDirectory(SharedMetalLb.directory());
        for (MetalLbRelease release : ReleaseCatalog.all()) {
            for (ReleaseFile file : release.files()) {
                assertThat(local.read(release, file)).as(release.tag() + "/" + file.name())
                        .isEqualTo(SharedMetalLb.bytes(release.tag(), file.name()));
            }
        }
    }

    @Test
    void refusesATamperedLocalCopyNamingFileAndBothSums() throws IOException {
        Path tampered = temp.resolve("manifests");
        writeTampered(tampered.resolve(NATIVE_PATH));

        assertThatThrownBy(() -> new LocalManifestDirectory(tampered).read(V0_16_1, NATIVE))
                .isInstanceOf(ManifestChecksumException.class)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("v0.16.1/metallb-native.yaml")
                .hasMessageContaining(NATIVE.sha256())
                .hasMessageContaining(ManifestChecksum.sha256(Files.readAllBytes(tampered.resolve(NATIVE_PATH))));
    }

    @Test
    void aLocalDirectoryWithoutTheFileSaysWhichLayoutItNeeds() {
        assertThatThrownBy(() -> new LocalManifestDirectory(temp).read(V0_16_1, NATIVE))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no v0.16.1/metallb-native.yaml")
                .hasMessageContaining("<dir>/<version>/<file>");
    }

    @Test
    void downloadsFromTheMirrorOnceAndThenReadsTheCache() {
        ManifestSource source = HttpManifestSource.mirror(mirror.baseUrl(), cache);
        byte[] expected = SharedMetalLb.bytes("v0.16.1", "metallb-native.yaml");

        assertThat(source.read(V0_16_1, NATIVE)).isEqualTo(expected);
        assertThat(source.read(V0_16_1, NATIVE)).isEqualTo(expected);

        assertThat(mirror.requests()).isEqualTo(1);
        assertThat(cache.pathOf(V0_16_1, NATIVE)).hasBinaryContent(expected);
    }

    @Test
    void aCachedFileWithTheWrongSumIsDiscardedAndFetchedAgain() throws IOException {
        ManifestSource source = HttpManifestSource.mirror(mirror.baseUrl(), cache);
        writeTampered(cache.pathOf(V0_16_1, NATIVE));

        assertThat(source.read(V0_16_1, NATIVE)).isEqualTo(SharedMetalLb.bytes("v0.16.1", "metallb-native.yaml"));

        assertThat(mirror.requests()).isEqualTo(1);
        assertThat(ManifestChecksum.sha256(Files.readAllBytes(cache.pathOf(V0_16_1, NATIVE)))).isEqualTo(NATIVE.sha256());
    }

    @Test
    void aMirrorServingOtherBytesIsRefusedAndNothingIsCached() {
        mirror.replace(NATIVE_PATH, "kind: Namespace\n".getBytes(StandardCharsets.UTF_8));
        ManifestSource source = HttpManifestSource.mirror(mirror.baseUrl(), cache);

        assertThatThrownBy(() -> source.read(V0_16_1, NATIVE))
                .isInstanceOf(ManifestChecksumException.class)
                .hasMessageContaining(mirror.baseUrl() + NATIVE_PATH)
                .hasMessageContaining(NATIVE.sha256());
        assertThat(cache.pathOf(V0_16_1, NATIVE)).doesNotExist();
    }

    @Test
    void aMissingFileOnTheMirrorIsUnavailableWithTheUrl() {
        ManifestSource source = HttpManifestSource.mirror(mirror.baseUrl().resolve("nothing-here/"), cache);

        assertThatThrownBy(() -> source.read(V0_16_1, NATIVE))
                .isInstanceOf(ManifestUnavailableException.class)
                .hasMessageContaining("HTTP status 404")
                .hasMessageContaining("nothing-here/v0.16.1/metallb-native.yaml");
    }

    @Test
    void theManifestsOptionChoosesUpstreamMirrorOrDirectory() {
        ManifestSource upstream = ManifestSource.forOption(Optional.empty(), cache);
        ManifestSource byUrl = ManifestSource.forOption(Optional.of("https://mirror.example/metallb"), cache);
        ManifestSource byPath = ManifestSource.forOption(Optional.of(temp.toString()), cache);

        assertThat(upstream).isInstanceOf(HttpManifestSource.class);
        assertThat(((HttpManifestSource) upstream).urlOf(V0_16_1, NATIVE)).isEqualTo(NATIVE.upstreamUrl());
        assertThat(((HttpManifestSource) byUrl).urlOf(V0_16_1, NATIVE))
                .isEqualTo(URI.create("https://mirror.example/metallb/v0.16.1/metallb-native.yaml"));
        assertThat(byPath).isInstanceOf(LocalManifestDirectory.class);
    }

    /** The real file with one byte changed: same size, different sum. */
    private static void writeTampered(Path target) throws IOException {
        byte[] bytes = SharedMetalLb.bytes("v0.16.1", "metallb-native.yaml");
        byte[] tampered = Arrays.copyOf(bytes, bytes.length);
        tampered[tampered.length / 2] ^= 1;
        Files.createDirectories(target.getParent());
        Files.write(target, tampered);
    }
}
