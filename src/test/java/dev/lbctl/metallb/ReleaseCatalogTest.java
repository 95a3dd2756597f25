package dev.lbctl.metallb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.config.ConfigStyle;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.MetalLbVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseCatalogTest {

    @Test
    void listsTheSupportedReleasesOldestFirstWithTheNewestAsDefault() {
        assertThat(ReleaseCatalog.all()).extracting(MetalLbRelease::tag)
                .containsExactly("v0.9.6", "v0.10.2", "v0.12.1", "v0.13.12", "v0.14.9", "v0.15.3", "v0.16.1");
        assertThat(ReleaseCatalog.defaultRelease().version()).isEqualTo(MetalLbVersion.LATEST);
    }

    @Test
    void findsAReleaseWithOrWithoutTheLeadingV() {
        assertThat(ReleaseCatalog.find("v0.10.2").tag()).isEqualTo("v0.10.2");
        assertThat(ReleaseCatalog.find("0.10.2").tag()).isEqualTo("v0.10.2");
    }

    @Test
    void anUnknownVersionIsOneSentenceListingTheKnownOnes() {
        assertThatThrownBy(() -> ReleaseCatalog.find("v0.11.0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("unknown MetalLB version \"v0.11.0\"; lbctl can install v0.9.6, v0.10.2, v0.12.1, v0.13.12,"
                        + " v0.14.9, v0.15.3, v0.16.1 (the default).");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "v0.9.6,   LEGACY_CONFIGMAP, true,  namespace.yaml metallb.yaml, metallb.universe.tf",
        "v0.10.2,  LEGACY_CONFIGMAP, false, namespace.yaml metallb.yaml, metallb.universe.tf",
        "v0.12.1,  LEGACY_CONFIGMAP, false, namespace.yaml metallb.yaml, metallb.universe.tf",
        "v0.13.12, CRD,        false, metallb-native.yaml,         metallb.universe.tf",
        "v0.14.9,  CRD,        false, metallb-native.yaml,         metallb.io",
        "v0.15.3,  CRD,        false, metallb-native.yaml,         metallb.io",
        "v0.16.1,  CRD,        false, metallb-native.yaml,         metallb.io",
    })
    void knowsStyleMemberlistFilesAndAnnotationPrefixPerRelease(String tag, ConfigStyle style, boolean createsSecret,
            String files, String annotationPrefix) {
        MetalLbRelease release = ReleaseCatalog.find(tag);

        assertThat(release.configStyle()).isEqualTo(style);
        assertThat(release.lbctlCreatesMemberlistSecret()).isEqualTo(createsSecret);
        assertThat(release.files()).extracting(ReleaseFile::name).containsExactly(files.split(" "));
        assertThat(release.annotationPrefix()).isEqualTo(annotationPrefix);
        assertThat(release.controllerDeployment()).isEqualTo("controller");
        assertThat(release.speakerDaemonSet()).isEqualTo("speaker");
        assertThat(release.namespace()).isEqualTo("metallb-system");
    }

    @Test
    void webhookNamesFollowTheRenameIn0144AndConfigMapReleasesHaveNone() {
        assertThat(ReleaseCatalog.find("v0.12.1").webhook()).isEmpty();
        assertThat(ReleaseCatalog.find("v0.13.12").webhook()).contains(
                new WebhookNames("webhook-service", "webhook-server-cert", "metallb-webhook-configuration"));
        for (String tag : new String[] {"v0.14.9", "v0.15.3", "v0.16.1"}) {
            assertThat(ReleaseCatalog.find(tag).webhook()).as(tag).contains(
                    new WebhookNames("metallb-webhook-service", "metallb-webhook-cert", "metallb-webhook-configuration"));
        }
    }

    @Test
    void downloadUrlsFollowTheUpstreamLayoutPerStyle() {
        assertThat(ReleaseCatalog.find("v0.10.2").files()).extracting(f -> f.upstreamUrl().toString()).containsExactly(
                "https://raw.githubusercontent.com/metallb/metallb/v0.10.2/manifests/namespace.yaml",
                "https://raw.githubusercontent.com/metallb/metallb/v0.10.2/manifests/metallb.yaml");
        assertThat(ReleaseCatalog.find("v0.16.1").files()).extracting(f -> f.upstreamUrl().toString()).containsExactly(
                "https://raw.githubusercontent.com/metallb/metallb/v0.16.1/config/manifests/metallb-native.yaml");
    }

    @Test
    void pinnedSumsAreThoseOfTheSharedSha256Sums() {
        Map<String, String> sums = SharedMetalLb.sha256Sums();
        for (MetalLbRelease release : ReleaseCatalog.all()) {
            for (ReleaseFile file : release.files()) {
                assertThat(file.sha256()).as(release.tag() + "/" + file.name())
                        .isEqualTo(sums.get(release.tag() + "/" + file.name()));
            }
        }
    }

    @Test
    void everyReleaseHasAWebhookExactlyWhenItUsesCrds() {
        for (MetalLbRelease release : ReleaseCatalog.all()) {
            assertThat(release.webhook().isPresent()).as(release.tag()).isEqualTo(release.configStyle() == ConfigStyle.CRD);
        }
    }
}
