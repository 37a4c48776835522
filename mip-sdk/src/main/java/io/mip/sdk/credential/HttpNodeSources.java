package io.mip.sdk.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.credential.registry.AccreditationCheck;
import io.mip.credential.status.StatusList;
import io.mip.crypto.Ed25519PublicKey;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verifier's sources over any MIP node's HTTP API (docs/kyc.md): DID resolution at {@code GET
 * /1.0/identifiers/{did}} (the key must be listed under {@code assertionMethod} of a DID that is
 * not deactivated), the registry at {@code GET /issuers/{did}?type=&at=}, status lists at {@code
 * GET /status-lists/{issuer}/{list}}. Responses are limited to 1 MiB; an unreachable node means no
 * key, no accreditation and no status list, so verification fails closed.
 */
public final class HttpNodeSources {
  private static final int MAX_RESPONSE = 1024 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client;

  /** Talks to the node at {@code base} (http or https). */
  public HttpNodeSources(URI base) {
    Objects.requireNonNull(base, "base");
    if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
      throw new IllegalArgumentException("node URL must be http(s)");
    }
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  private static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private Optional<JsonNode> get(String path) {
    try {
      HttpResponse<InputStream> r =
          client.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = in.readNBytes(MAX_RESPONSE + 1);
        if (r.statusCode() != 200 || body.length > MAX_RESPONSE) {
          return Optional.empty();
        }
        return Optional.of(JSON.readTree(body));
      }
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Issuer keys from the node's DID resolver. */
  public CredentialSources.IssuerKeys issuerKeys() {
    return didUrl -> {
      int hash = didUrl.indexOf('#');
      if (hash <= 0) {
        return Optional.empty();
      }
      String did = didUrl.substring(0, hash);
      String fragment = didUrl.substring(hash);
      return get("/1.0/identifiers/" + seg(did)).flatMap(r -> keyIn(r, did, didUrl, fragment));
    };
  }

  private static Optional<Ed25519PublicKey> keyIn(
      JsonNode result, String did, String didUrl, String fragment) {
    if (result.path("didDocumentMetadata").path("deactivated").asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode doc = result.path("didDocument");
    if (!did.equals(doc.path("id").asText())) {
      return Optional.empty();
    }
    boolean asserted = false;
    for (JsonNode ref : doc.path("assertionMethod")) {
      String id = ref.isTextual() ? ref.textValue() : ref.path("id").asText();
      asserted |= id.equals(didUrl) || id.equals(fragment);
    }
    if (!asserted) {
      return Optional.empty();
    }
    for (JsonNode vm : doc.path("verificationMethod")) {
      String id = vm.path("id").asText();
      if (id.equals(didUrl) || id.equals(fragment)) {
        try {
          return Optional.of(
              Ed25519PublicKey.fromMultibase(vm.path("publicKeyMultibase").asText()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Registry answers from the node. */
  public CredentialSources.Accreditations accreditations() {
    return (issuer, type, issuedAt) ->
        get("/issuers/" + seg(issuer) + "?type=" + seg(type) + "&at=" + seg(issuedAt.toString()))
            .map(
                r -> {
                  try {
                    return new AccreditationCheck(
                        AccreditationCheck.Status.valueOf(r.path("status").asText()),
                        r.path("detail").asText(""));
                  } catch (IllegalArgumentException e) {
                    return unreachable(issuedAt);
                  }
                })
            .orElseGet(() -> unreachable(issuedAt));
  }

  private static AccreditationCheck unreachable(Instant issuedAt) {
    return new AccreditationCheck(
        AccreditationCheck.Status.NOT_ACCREDITED, "registry unavailable for " + issuedAt);
  }

  /** Status lists from the node. */
  public CredentialSources.StatusLists statusLists() {
    return id ->
        get("/status-lists/" + seg(id.issuerDid()) + "/" + seg(id.listId()))
            .flatMap(
                r -> {
                  try {
                    return Optional.of(
                        StatusList.fromJson(r.get("status_list"), StatusList.MAX_SIZE));
                  } catch (IllegalArgumentException e) {
                    return Optional.empty();
                  }
                });
  }

  /** A verifier using this node for everything. */
  public CredentialVerifier verifier(CredentialVerifier.Settings settings) {
    return new CredentialVerifier(issuerKeys(), accreditations(), statusLists(), settings);
  }

  @Override
  public String toString() {
    return "HttpNodeSources[" + base + "]";
  }
}
