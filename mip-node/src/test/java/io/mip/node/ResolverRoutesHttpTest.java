package io.mip.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.did.key.DidKeyResolver;
import io.mip.ledger.embedded.EmbeddedLedger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverRoutesHttpTest {
  @TempDir static Path data;
  private static MipNode node;
  private static Http http;
  private static final String DID_KEY =
      DidKeyResolver.didOf(Ed25519PrivateKey.generate().publicKey());

  @BeforeAll
  static void start() {
    node =
        new MipNode(EmbeddedLedger.open(data, List.of()), TestResolvers.keyOnly(), "embedded")
            .start(0);
    http = new Http(node.localUri());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void resolve_didKey_200ResolutionResult() {
    HttpResponse<String> r = http.get("/1.0/identifiers/" + DID_KEY);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/did-resolution+json");
    JsonNode body = Http.json(r);
    assertThat(body.path("didDocument").path("id").asText()).isEqualTo(DID_KEY);
    assertThat(body.has("didResolutionMetadata")).isTrue();
    assertThat(body.has("didDocumentMetadata")).isTrue();
  }

  @Test
  void resolve_ldProfileAccept_sameResultWithProfileMediaType() {
    HttpResponse<String> r =
        http.get(
            "/1.0/identifiers/" + DID_KEY,
            "application/ld+json;profile=\"https://w3id.org/did-resolution\"");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/ld+json")
        .contains("https://w3id.org/did-resolution");
    assertThat(Http.json(r).path("didDocument").path("id").asText()).isEqualTo(DID_KEY);
  }

  @Test
  void resolve_documentAccept_documentOnly() {
    HttpResponse<String> r = http.get("/1.0/identifiers/" + DID_KEY, "application/did+ld+json");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/did+ld+json");
    assertThat(Http.json(r).path("id").asText()).isEqualTo(DID_KEY);
  }

  @Test
  void resolve_malformedDid_400InvalidDid() {
    HttpResponse<String> r = http.get("/1.0/identifiers/not-a-did");

    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode body = Http.json(r);
    assertThat(body.path("didResolutionMetadata").path("error").asText()).isEqualTo("invalidDid");
    assertThat(body.path("didDocument").isNull()).isTrue();
  }

  @Test
  void resolve_unknownMethod_501MethodNotSupported() {
    HttpResponse<String> r = http.get("/1.0/identifiers/did:example:123");

    assertThat(r.statusCode()).isEqualTo(501);
    assertThat(Http.json(r).path("didResolutionMetadata").path("error").asText())
        .isEqualTo("methodNotSupported");
  }

  @Test
  void resolve_badVersionTime_400InvalidOptions() {
    HttpResponse<String> r = http.get("/1.0/identifiers/" + DID_KEY + "?versionTime=yesterday");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(Http.json(r).path("didResolutionMetadata").path("error").asText())
        .isEqualTo("invalidOptions");
  }

  @Test
  void resolve_unacceptableAccept_406Problem() {
    HttpResponse<String> r = http.get("/1.0/identifiers/" + DID_KEY, "text/html");

    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(Http.json(r).path("type").asText())
        .isEqualTo("https://mip.io/problems/not-acceptable");
  }
}
