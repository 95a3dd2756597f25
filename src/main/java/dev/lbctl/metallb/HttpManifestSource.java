package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.YamlDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Manifests downloaded over HTTP(S), from upstream or from a mirror, through a {@link ManifestCache}. TLS is the JDK's
 * default (certificate and host name checks on); integrity comes from the pinned sha256, checked before caching.
 */
public final class HttpManifestSource implements ManifestSource {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String description;
    private final BiFunction<MetalLbRelease, ReleaseFile, URI> urlOf;
    private final ManifestCache cache;
    private final HttpClient client;

    private HttpManifestSource(String description, BiFunction<MetalLbRelease, ReleaseFile, URI> urlOf, ManifestCache cache) {
        this.description = description;
        this.urlOf = urlOf;
        this.cache = cache;
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The release's own upstream URLs (raw.githubusercontent.com at the tag). */
    public static HttpManifestSource upstream(ManifestCache cache) {
        return new HttpManifestSource(Messages.get("manifests.upstream"), (release, file) -> file.upstreamUrl(), cache);
    }

    /** A mirror with the layout {@code <base>/<version>/<file>}. */
    public static HttpManifestSource mirror(URI base, ManifestCache cache) {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        return new HttpManifestSource(Messages.get("manifests.mirror", base),
                (release, file) -> URI.create(root + release.tag() + "/" + file.name()), cache);
    }

    /** Where a file is downloaded from when it is not cached. */
    public URI urlOf(MetalLbRelease release, ReleaseFile file) {
        return urlOf.apply(release, file);
    }

    @Override
    public byte[] read(MetalLbRelease release, ReleaseFile file) {
        Optional<byte[]> cached = cache.read(release, file);
        if (cached.isPresent()) {
            return cached.get();
        }
        URI url = urlOf(release, file);
        byte[] verified = ManifestChecksum.verified(release, file, download(url), url.toString());
        cache.store(release, file, verified);
        return verified;
    }

    private byte[] download(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw unavailable(url, Messages.get("manifests.httpStatus", response.statusCode()), null);
                }
                // Read one byte past the limit to tell "at the limit" from "over it" without trusting Content-Length.
                byte[] bytes = body.readNBytes((int) YamlDocuments.MAX_BYTES + 1);
                if (bytes.length > YamlDocuments.MAX_BYTES) {
                    throw unavailable(url, Messages.get("manifests.bodyTooLarge", YamlDocuments.MAX_BYTES), null);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw unavailable(url, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(url, Messages.get("manifests.interrupted"), e);
        }
    }

    private static ManifestUnavailableException unavailable(URI url, String problem, Throwable cause) {
        return new ManifestUnavailableException(Messages.get("manifests.cannotDownload", url, problem), cause);
    }

    @Override
    public String toString() {
        return description;
    }
}
