package io.mip.did.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.Ed25519PublicKey;
import io.mip.crypto.Multibase;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.DidDocument;
import io.mip.did.KeyResolution;
import io.mip.did.ResolutionError;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.VerificationRelationship;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidKeyResolverTest {
  private final DidKeyResolver resolver = new DidKeyResolver();

  // Test vectors from the did:key specification, w3c-ccg/did-method-key
  // test-vectors/ed25519-x25519.json: seed -> DID -> derived X25519 key agreement key.
  @ParameterizedTest
  @CsvSource({
    "0000000000000000000000000000000000000000000000000000000000000000,"
        + "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp,"
        + "z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW",
    "0000000000000000000000000000000000000000000000000000000000000001,"
        + "z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG,"
        + "z6LSrHyXiPBhUbvPUtyUCdf32sniiMGPTAesgHrtEa4FePtr",
    "0000000000000000000000000000000000000000000000000000000000000002,"
        + "z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf,"
        + "z6LSkkqoZRC34AEpbkhZCqLDcHQVAxuLpQ7kC8XCXMVUfvjE",
    "0000000000000000000000000000000000000000000000000000000000000003,"
        + "z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ,"
        + "z6LSiUo6AEDat8Ze4nQzDo67SGuHLLwsUGkxndHGUjsywHow",
    "0000000000000000000000000000000000000000000000000000000000000004,"
        + "z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL,"
        + "z6LSrGb3qm4xMCEBjvwkLb2WEcXfTM94Tu1RyGCbT5wbg8i9"
  })
  void resolve_specVector_matchesDidAndDerivedKeyAgreementKey(
      String seedHex, String multibase, String agreementMultibase) {
    Ed25519PublicKey key = Ed25519PrivateKey.fromSeed(HexFormat.of().parseHex(seedHex)).publicKey();
    String did = "did:key:" + multibase;
    assertThat(DidKeyResolver.didOf(key)).isEqualTo(did);

    ResolutionResult result = resolver.resolve(did);

    DidDocument doc = result.didDocument().orElseThrow();
    assertThat(doc.verificationMethod(did + "#" + multibase)).isPresent();
    assertThat(doc.methodsFor(VerificationRelationship.KEY_AGREEMENT))
        .singleElement()
        .satisfies(
            vm -> {
              assertThat(vm.id()).isEqualTo(did + "#" + agreementMultibase);
              assertThat(vm.publicKeyMultibase()).isEqualTo(agreementMultibase);
            });
  }

  @Test
  void resolve_specVectorPrivateAgreementKey_derivesSamePublicKey() {
    // The vector's X25519 private key (privateKeyBase58) must give the public key the resolver
    // derives from the Ed25519 public key: an independent check of the birational map.
    byte[] secret = Multibase.decode("z6QN8DfuN9hjgHgPvLXqgzqYE3jRRGRrmJQZkd5tL8paR");
    String fromPrivate = X25519PrivateKey.fromBytes(secret).publicKey().toMultibase();

    ResolutionResult result =
        resolver.resolve("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");

    assertThat(
            result.didDocument().orElseThrow().methodsFor(VerificationRelationship.KEY_AGREEMENT))
        .singleElement()
        .satisfies(vm -> assertThat(vm.publicKeyMultibase()).isEqualTo(fromPrivate));
  }

  @Test
  void resolve_anotherImplementationsVector_derivesSameAgreementKey() {
    // From the Aries Cloud Agent test suite (openwallet-foundation/acapy test_dids.py).
    ResolutionResult result =
        resolver.resolve("did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th");

    assertThat(
            result.didDocument().orElseThrow().methodsFor(VerificationRelationship.KEY_AGREEMENT))
        .singleElement()
        .satisfies(
            vm ->
                assertThat(vm.publicKeyMultibase())
                    .isEqualTo("z6LShpNhGwSupbB7zjuivH156vhLJBDDzmQtA4BY9S94pe1K"));
  }

  @Test
  void toJson_ed25519Did_hasMultikeyShapeOfTheSpec() {
    String did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    String key = did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    JsonNode json = resolver.resolve(did).toJson();

    assertThat(json.path("@context").asText()).isEqualTo("https://w3id.org/did-resolution/v1");
    JsonNode doc = json.path("didDocument");
    assertThat(doc.path("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/did/v1");
    assertThat(doc.path("@context").get(1).asText())
        .isEqualTo("https://w3id.org/security/multikey/v1");
    assertThat(doc.path("id").asText()).isEqualTo(did);
    JsonNode vm = doc.path("verificationMethod").get(0);
    assertThat(vm.path("id").asText()).isEqualTo(key);
    assertThat(vm.path("type").asText()).isEqualTo("Multikey");
    assertThat(vm.path("controller").asText()).isEqualTo(did);
    for (String rel :
        new String[] {
          "authentication", "assertionMethod", "capabilityInvocation", "capabilityDelegation"
        }) {
      assertThat(doc.path(rel).get(0).asText()).as(rel).isEqualTo(key);
    }
    assertThat(doc.path("keyAgreement").get(0).asText())
        .isEqualTo(did + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW");
    assertThat(json.path("didResolutionMetadata").path("contentType").asText())
        .isEqualTo("application/did+ld+json");
  }

  @Test
  void resolve_derivationDisabled_hasNoKeyAgreement() {
    ResolutionResult result =
        new DidKeyResolver(false)
            .resolve("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");

    DidDocument doc = result.didDocument().orElseThrow();
    assertThat(doc.verificationMethods()).hasSize(1);
    assertThat(doc.relationships()).doesNotContainKey(VerificationRelationship.KEY_AGREEMENT);
  }

  @Test
  void resolve_explicitVersionOne_resolves() {
    ResolutionResult result =
        resolver.resolve("did:key:1:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");

    assertThat(result.isSuccess()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    // no multibase 'z' prefix
    "did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, INVALID_DID",
    // version other than 1
    "did:key:2:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, INVALID_DID",
    "did:key:x:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, INVALID_DID",
    // character outside base58btc (0)
    "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0, INVALID_DID",
    // leading '1' (a zero byte): not a multicodec header
    "did:key:z16MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, INVALID_DID",
    // not DIDs at all
    "did:key:, INVALID_DID",
    "did:KEY:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, INVALID_DID",
    "z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, INVALID_DID",
    // other methods
    "did:web:example.com, METHOD_NOT_SUPPORTED",
    // P-256 and secp256k1 did:keys from the spec: valid, but not supported here
    "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169, METHOD_NOT_SUPPORTED",
    "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme, METHOD_NOT_SUPPORTED",
    // an X25519 did:key: a key agreement key cannot sign
    "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW, METHOD_NOT_SUPPORTED"
  })
  void resolve_refusedDid_givesSpecError(String did, ResolutionError expected) {
    ResolutionResult result = resolver.resolve(did);

    assertThat(result.error()).contains(expected);
    assertThat(result.didDocument()).isEmpty();
    assertThat(result.toJson().path("didDocument").isNull()).isTrue();
    assertThat(result.toJson().path("didResolutionMetadata").path("error").asText())
        .isEqualTo(expected.code());
  }

  @Test
  void resolve_ed25519KeyOfWrongLength_givesInvalidPublicKeyLength() {
    byte[] data = new byte[2 + 31];
    data[0] = (byte) 0xed;
    data[1] = 0x01;
    data[2] = 7;

    ResolutionResult result = resolver.resolve("did:key:" + Multibase.encodeBase58Btc(data));

    assertThat(result.error()).contains(ResolutionError.INVALID_PUBLIC_KEY_LENGTH);
  }

  @Test
  void resolve_bothVersionOptions_givesInvalidOptions() {
    ResolutionResult result =
        resolver.resolve(
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            new ResolutionOptions(
                java.util.Optional.of(Instant.EPOCH), java.util.Optional.of("1")));

    assertThat(result.error()).contains(ResolutionError.INVALID_OPTIONS);
  }

  @Test
  void resolveVerificationKey_keyIdOfDidKey_returnsTheKey() {
    Ed25519PublicKey key = Ed25519PrivateKey.generate().publicKey();

    KeyResolution found = resolver.resolveVerificationKey(DidKeyResolver.keyIdOf(key));

    assertThat(found.key()).contains(key);
  }

  @Test
  void resolveVerificationKey_agreementKeyId_isNotAnAssertionMethod() {
    String did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    KeyResolution found =
        resolver.resolveVerificationKey(did + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW");

    assertThat(found.failure()).contains(KeyResolution.Failure.NOT_AUTHORIZED);
  }
}
