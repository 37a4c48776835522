package io.mip.sdk.login.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's metadata (OpenID Connect Discovery 1.0 section 4) and JWK set, fetched over HTTP.
 * The metadata's {@code issuer} must equal the issuer asked for (section 4.3). The JWK set is
 * re-fetched when a token names an unknown {@code kid}, at most once per {@link #REFRESH_GAP}.
 */
public final class ProviderInfo {
  /** Least time between two JWK set fetches for unknown key ids. */
  public static final Duration REFRESH_GAP = Duration.ofSeconds(30);

  private static final int MAX_BYTES = 256 * 1024;

  private final OIDCProviderMetadata metadata;
  private final HttpClient http;
  private final Clock clock;
  private volatile JWKSet keys;
  private volatile Instant fetchedAt;

  private ProviderInfo(OIDCProviderMetadata metadata, JWKSet keys, HttpClient http, Clock clock) {
    this.metadata = metadata;
    this.keys = keys;
    this.http = http;
    this.clock = clock;
    this.fetchedAt = clock.instant();
  }

  /**
   * Fetches the metadata and keys of {@code issuer}.
   *
   * @throws UncheckedIOException if either cannot be fetched or parsed, or the metadata names
   *     another issuer
   */
  public static ProviderInfo fetch(URI issuer, HttpClient http, Clock clock) {
    String json = get(http, URI.create(issuer + "/.well-known/openid-configuration"));
    OIDCProviderMetadata m;
    try {
      m = OIDCProviderMetadata.parse(json);
    } catch (ParseException e) {
      throw new UncheckedIOException(
          new IOException("provider metadata unreadable: " + e.getMessage()));
    }
    if (!m.getIssuer().getValue().equals(issuer.toString())) {
      throw new UncheckedIOException(
          new IOException("provider metadata names issuer " + m.getIssuer() + ", not " + issuer));
    }
    return new ProviderInfo(m, jwks(http, m.getJWKSetURI()), http, clock);
  }

  /** Returns the metadata. */
  public OIDCProviderMetadata metadata() {
    return metadata;
  }

  /** Returns the key {@code kid}, re-fetching the set once if it is unknown. */
  public Optional<JWK> key(String kid) {
    if (kid == null) {
      return Optional.empty();
    }
    JWK k = keys.getKeyByKeyId(kid);
    if (k == null && clock.instant().isAfter(fetchedAt.plus(REFRESH_GAP))) {
      synchronized (this) {
        try {
          keys = jwks(http, metadata.getJWKSetURI());
        } catch (UncheckedIOException e) {
          return Optional.empty();
        } finally {
          fetchedAt = clock.instant();
        }
      }
      k = keys.getKeyByKeyId(kid);
    }
    return Optional.ofNullable(k);
  }

  private static JWKSet jwks(HttpClient http, URI uri) {
    try {
      return JWKSet.parse(get(http, Objects.requireNonNull(uri, "jwks_uri")));
    } catch (java.text.ParseException e) {
      throw new UncheckedIOException(new IOException("JWK set unreadable: " + e.getMessage()));
    }
  }

  static String get(HttpClient http, URI uri) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException(uri + " answered " + r.statusCode());
      }
      if (r.body().length > MAX_BYTES) {
        throw new IOException(uri + " answered more than " + MAX_BYTES + " bytes");
      }
      return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot fetch " + uri + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted fetching " + uri));
    }
  }
}
