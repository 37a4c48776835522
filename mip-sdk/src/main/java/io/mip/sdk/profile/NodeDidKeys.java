package io.mip.sdk.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.X25519PublicKey;
import io.mip.ledger.Operation;
import io.mip.profile.auth.PartyKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link PartyKeys} by DID resolution over HTTP, through a node's DIF Universal Resolver interface
 * ({@code GET /1.0/identifiers/{did}}): the first Ed25519 method under {@code authentication} and
 * the first X25519 method under {@code keyAgreement} of the latest, not deactivated document.
 *
 * <p>Trust: the answer is as good as the node that gives it. An app that must not trust its node
 * for keys resolves against its own ledger replica ({@code ResolverPartyKeys}) or another
 * consortium node.
 */
public final class NodeDidKeys implements PartyKeys {
  private static final int MAX_RESPONSE = 256 * 1024;

  private final URI node;
  private final HttpClient client;

  /** Resolves through the node at {@code node}. */
  public NodeDidKeys(URI node) {
    String s = node.toString();
    this.node = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public Optional<Ed25519PublicKey> signingKey(String did) {
    return method(did, "authentication")
        .flatMap(
            mb -> {
              try {
                return Optional.of(Ed25519PublicKey.fromMultibase(mb));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  @Override
  public Optional<X25519PublicKey> agreementKey(String did) {
    return method(did, "keyAgreement")
        .flatMap(
            mb -> {
              try {
                return Optional.of(X25519PublicKey.fromMultibase(mb));
              } catch (IllegalArgumentException e) {
                return Optional.empty();
              }
            });
  }

  /** Returns the publicKeyMultibase of the first method under {@code relationship}. */
  private Optional<String> method(String did, String relationship) {
    Optional<JsonNode> result = resolve(did);
    if (result.isEmpty()
        || result.get().path("didDocumentMetadata").path("deactivated").asBoolean(false)) {
      return Optional.empty();
    }
    JsonNode doc = result.get().path("didDocument");
    for (JsonNode ref : doc.path(relationship)) {
      String id = ref.isTextual() ? ref.textValue() : ref.path("id").asText("");
      String absolute = id.startsWith("#") ? did + id : id;
      if (ref.isObject() && ref.path("publicKeyMultibase").isTextual()) {
        return Optional.of(ref.get("publicKeyMultibase").textValue());
      }
      for (JsonNode vm : doc.path("verificationMethod")) {
        String vmId = vm.path("id").asText("");
        String vmAbs = vmId.startsWith("#") ? did + vmId : vmId;
        if (vmAbs.equals(absolute) && vm.path("publicKeyMultibase").isTextual()) {
          return Optional.of(vm.get("publicKeyMultibase").textValue());
        }
      }
    }
    return Optional.empty();
  }

  private Optional<JsonNode> resolve(String did) {
    if (did == null || did.length() > 256) {
      return Optional.empty();
    }
    HttpRequest req =
        HttpRequest.newBuilder(
                URI.create(
                    node + "/1.0/identifiers/" + URLEncoder.encode(did, StandardCharsets.UTF_8)))
            .timeout(Duration.ofSeconds(20))
            .GET()
            .build();
    try {
      HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (resp.statusCode() != 200 || resp.body().length > MAX_RESPONSE) {
        return Optional.empty();
      }
      return Optional.ofNullable(Operation.json().readTree(resp.body()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
