package io.mip.credential.status;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one status list: its issuer's DID and a list id. The ledger stream is {@code
 * status:<issuer-did>:<list-id>}; the {@code uri} in a credential's {@code status.status_list} is
 * {@code <node base URL>/status-lists/<issuer-did>/<list-id>}, and any node serves it.
 *
 * @param issuerDid the issuer's DID
 * @param listId the list id ({@code [a-z0-9-]{1,64}})
 */
public record StatusListId(String issuerDid, String listId) {
  /** Every status list stream starts with this. */
  public static final String STREAM_PREFIX = "status:";

  private static final Pattern DID = Pattern.compile("did:[a-z0-9]{1,32}:[A-Za-z0-9._:%-]{1,200}");
  private static final Pattern LIST = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern URI =
      Pattern.compile("^https?://[^/?#]+(?:/[^?#]*)?/status-lists/([^/?#]+)/([^/?#]+)$");

  /** Validates both parts. */
  public StatusListId {
    Objects.requireNonNull(issuerDid, "issuerDid");
    Objects.requireNonNull(listId, "listId");
    if (!DID.matcher(issuerDid).matches() || !LIST.matcher(listId).matches()) {
      throw new IllegalArgumentException("invalid status list id");
    }
  }

  /** Returns the ledger stream. */
  public String stream() {
    return STREAM_PREFIX + issuerDid + ":" + listId;
  }

  /** Returns the list's URI under a node's base URL (no trailing slash). */
  public String uri(String baseUrl) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + "/status-lists/" + issuerDid + "/" + listId;
  }

  /** Returns the id for a ledger stream, or throws if it is not a status stream. */
  public static StatusListId fromStream(String stream) {
    if (!stream.startsWith(STREAM_PREFIX)) {
      throw new IllegalArgumentException("not a status list stream");
    }
    String rest = stream.substring(STREAM_PREFIX.length());
    int cut = rest.lastIndexOf(':');
    if (cut < 0) {
      throw new IllegalArgumentException("not a status list stream");
    }
    return new StatusListId(rest.substring(0, cut), rest.substring(cut + 1));
  }

  /** Parses a status list URI (any host: the path names the list). */
  public static StatusListId fromUri(String uri) {
    Matcher m = URI.matcher(uri == null ? "" : uri);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a MIP status list URI");
    }
    return new StatusListId(
        URLDecoder.decode(m.group(1), StandardCharsets.UTF_8),
        URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
  }
}
