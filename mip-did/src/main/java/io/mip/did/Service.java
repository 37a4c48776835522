package io.mip.did;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service of a DID document (W3C DID Core 1.0 section 5.4), named by a fragment of the DID.
 *
 * <p>Refuses: an id that is not {@code #} followed by 1 to 64 letters, digits, ".", "_" or "-", or
 * that starts with {@code key-} (reserved for verification methods); a type that is not 1 to 64
 * letters, digits, ".", "_" or "-" starting with a letter; an endpoint that is not an absolute
 * {@code https} or {@code http} URL with a host, of at most {@link #MAX_ENDPOINT_LENGTH}
 * characters.
 *
 * @param id the fragment, such as {@code #profile}; the DID document shows it as {@code
 *     did:...#profile}
 * @param type the service type, such as {@code MipProfileStore} or {@code LinkedDomains}
 * @param serviceEndpoint the endpoint URL
 */
public record Service(String id, String type, String serviceEndpoint) {
  /** Longest endpoint URL accepted. */
  public static final int MAX_ENDPOINT_LENGTH = 512;

  private static final Pattern ID = Pattern.compile("#[A-Za-z0-9._-]{1,64}");
  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  /** Validates the fields. */
  public Service {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
    if (!ID.matcher(id).matches() || id.startsWith("#key-")) {
      throw new IllegalArgumentException(
          "service id must be '#' and 1-64 of [A-Za-z0-9._-], not starting with 'key-'");
    }
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("service type must be 1-64 of [A-Za-z0-9._-]");
    }
    checkEndpoint(serviceEndpoint);
  }

  private static void checkEndpoint(String endpoint) {
    if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
      throw new IllegalArgumentException(
          "service endpoint is longer than " + MAX_ENDPOINT_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("service endpoint is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme();
    if (!uri.isAbsolute()
        || !("https".equals(scheme) || "http".equals(scheme))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "service endpoint must be an absolute http(s) URL with a host and no user info");
    }
  }

  /** Returns the fragment without "#". */
  public String fragment() {
    return id.substring(1);
  }
}
