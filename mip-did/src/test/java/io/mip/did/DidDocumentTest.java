package io.mip.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DidDocumentTest {
  private static final String DID = "did:example:123";
  private final VerificationMethod signing =
      VerificationMethod.ed25519(DID + "#k", DID, Ed25519PrivateKey.generate().publicKey());
  private final VerificationMethod agreement =
      VerificationMethod.x25519(DID + "#a", DID, X25519PrivateKey.generate().publicKey());

  @Test
  void new_relationshipToUnknownMethod_isRefused() {
    assertThatThrownBy(
            () ->
                new DidDocument(
                    List.of(DidDocument.DID_CONTEXT),
                    DID,
                    List.of(signing),
                    Map.of(VerificationRelationship.AUTHENTICATION, List.of(DID + "#other")),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_duplicateMethodId_isRefused() {
    assertThatThrownBy(
            () ->
                new DidDocument(
                    List.of(DidDocument.DID_CONTEXT),
                    DID,
                    List.of(signing, signing),
                    Map.of(),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_contextNotStartingWithDidV1_isRefused() {
    assertThatThrownBy(
            () ->
                new DidDocument(
                    List.of(DidDocument.MULTIKEY_CONTEXT), DID, List.of(), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toJson_fullDocument_rendersAbsoluteServiceIdsAndRelationships() {
    DidDocument doc =
        new DidDocument(
            List.of(DidDocument.DID_CONTEXT, DidDocument.MULTIKEY_CONTEXT),
            DID,
            List.of(signing, agreement),
            Map.of(
                VerificationRelationship.ASSERTION_METHOD, List.of(signing.id()),
                VerificationRelationship.KEY_AGREEMENT, List.of(agreement.id())),
            List.of(new Service("#inbox", "DIDCommMessaging", "https://node.example/inbox")));

    JsonNode json = doc.toJson();

    assertThat(json.path("service").get(0).path("id").asText()).isEqualTo(DID + "#inbox");
    assertThat(json.path("assertionMethod").get(0).asText()).isEqualTo(DID + "#k");
    assertThat(json.path("keyAgreement").get(0).asText()).isEqualTo(DID + "#a");
    assertThat(json.has("authentication")).isFalse();
    assertThat(doc.methodsFor(VerificationRelationship.KEY_AGREEMENT)).containsExactly(agreement);
    assertThat(doc.authorizes(signing.id(), VerificationRelationship.ASSERTION_METHOD)).isTrue();
    assertThat(doc.authorizes(agreement.id(), VerificationRelationship.ASSERTION_METHOD)).isFalse();
  }

  @Test
  void minimal_hasOnlyContextAndId() {
    JsonNode json = DidDocument.minimal(DID).toJson();

    assertThat(json.properties()).extracting(e -> e.getKey()).containsExactly("@context", "id");
  }

  @Test
  void verificationMethod_keyAccessors_decodeOnlyTheirOwnCodec() {
    assertThat(signing.ed25519Key()).isPresent();
    assertThat(signing.x25519Key()).isEmpty();
    assertThat(agreement.x25519Key()).isPresent();
    assertThat(agreement.ed25519Key()).isEmpty();
  }

  @Test
  void verificationMethod_unknownKeyEncoding_isRefused() {
    assertThatThrownBy(
            () ->
                new VerificationMethod(
                    DID + "#k", DID, "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
