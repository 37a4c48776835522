package io.mip.profile.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.profile.internal.Checks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An app as a party: its DID (whose DID document carries its signing and key-agreement keys), a
 * display name, and the redirect URIs it may use for "Sign in with MIP". The payload of {@code
 * app.register} and {@code app.update} operations.
 *
 * <p>Refuses names over 100 characters or with control characters, more than 10 redirect URIs, and
 * redirect URIs that are not absolute {@code https} URIs without fragment (plain {@code http} only
 * for {@code localhost} and {@code 127.0.0.1}, as OAuth 2.0 Security BCP RFC 9700 section 2.1
 * allows for native and development clients).
 *
 * @param did the app's DID
 * @param name the display name people see when they grant access
 * @param redirectUris the registered redirect URIs
 */
public record AppRegistration(String did, String name, List<String> redirectUris) {
  private static final Set<String> FIELDS = Set.of("did", "name", "redirectUris");

  /** Validates and copies. */
  public AppRegistration {
    Checks.did(did, "did");
    if (name == null
        || name.isBlank()
        || name.length() > 100
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("name must be 1 to 100 characters without controls");
    }
    redirectUris = List.copyOf(redirectUris);
    if (redirectUris.size() > 10) {
      throw new IllegalArgumentException("at most 10 redirect URIs");
    }
    redirectUris.forEach(AppRegistration::checkRedirect);
  }

  private static void checkRedirect(String uri) {
    if (uri == null || uri.length() > 512) {
      throw new IllegalArgumentException("redirect URI missing or longer than 512");
    }
    URI u;
    try {
      u = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("redirect URI is not a URI: " + uri);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
    boolean local = host.equals("localhost") || host.equals("127.0.0.1");
    if (!u.isAbsolute()
        || u.getFragment() != null
        || host.isEmpty()
        || !(scheme.equals("https") || (scheme.equals("http") && local))) {
      throw new IllegalArgumentException(
          "redirect URI must be https (http only for localhost) without fragment: " + uri);
    }
  }

  /** Returns the payload JSON. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("did", did);
    o.put("name", name);
    ArrayNode uris = o.putArray("redirectUris");
    redirectUris.forEach(uris::add);
    return o;
  }

  /**
   * Parses a payload.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  public static AppRegistration fromJson(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("app registration must be a JSON object");
    }
    for (var e : node.properties()) {
      if (!FIELDS.contains(e.getKey())) {
        throw new IllegalArgumentException("unknown app registration field '" + e.getKey() + "'");
      }
    }
    JsonNode uris = node.path("redirectUris");
    if (!uris.isArray() || uris.size() > 10) {
      throw new IllegalArgumentException("redirectUris must be an array of at most 10");
    }
    List<String> list = new ArrayList<>();
    uris.forEach(u -> list.add(u.textValue()));
    return new AppRegistration(node.path("did").textValue(), node.path("name").textValue(), list);
  }
}
