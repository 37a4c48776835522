package io.mip.did.mip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.DidDocument;
import io.mip.did.ResolutionError;
import io.mip.did.ResolutionOptions;
import io.mip.did.ResolutionResult;
import io.mip.did.Service;
import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.Operation;
import io.mip.ledger.Rejection;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.ledger.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DidMipResolverTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(T0);
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();
  private final X25519PrivateKey agreement = X25519PrivateKey.generate();
  private final Service profile =
      new Service("#profile", "MipProfileStore", "https://node.example/profile");
  private Ledger ledger;
  private DidMipResolver resolver;

  @BeforeEach
  void open() {
    ledger = EmbeddedLedger.open(dir, List.of(new DidMipPolicy()), clock);
    resolver = new DidMipResolver(ledger);
  }

  @AfterEach
  void close() {
    ledger.close();
  }

  @Test
  void resolve_createdDid_givesDocumentWithKeysServiceAndMetadata() {
    Operation create = DidMipOperations.create(key, agreement.publicKey(), List.of(profile));
    String did = create.stream();
    assertThat(ledger.submit(create).status()).isEqualTo(Admission.Status.ACCEPTED);

    JsonNode json = resolver.resolve(did).toJson();

    JsonNode doc = json.path("didDocument");
    assertThat(doc.path("id").asText()).isEqualTo(did);
    assertThat(doc.path("@context").get(1).asText())
        .isEqualTo("https://w3id.org/security/multikey/v1");
    JsonNode signing = doc.path("verificationMethod").get(0);
    assertThat(signing.path("id").asText()).isEqualTo(did + "#key-1");
    assertThat(signing.path("type").asText()).isEqualTo("Multikey");
    assertThat(signing.path("controller").asText()).isEqualTo(did);
    assertThat(signing.path("publicKeyMultibase").asText())
        .isEqualTo(key.publicKey().toMultibase());
    JsonNode agreementVm = doc.path("verificationMethod").get(1);
    assertThat(agreementVm.path("id").asText()).isEqualTo(did + "#key-agreement-1");
    assertThat(agreementVm.path("publicKeyMultibase").asText())
        .isEqualTo(agreement.publicKey().toMultibase());
    assertThat(doc.path("authentication").get(0).asText()).isEqualTo(did + "#key-1");
    assertThat(doc.path("assertionMethod").get(0).asText()).isEqualTo(did + "#key-1");
    assertThat(doc.path("keyAgreement").get(0).asText()).isEqualTo(did + "#key-agreement-1");
    assertThat(doc.path("service").get(0).path("id").asText()).isEqualTo(did + "#profile");
    assertThat(doc.path("service").get(0).path("serviceEndpoint").asText())
        .isEqualTo("https://node.example/profile");
    JsonNode meta = json.path("didDocumentMetadata");
    assertThat(meta.path("created").asText()).isEqualTo("2025-03-01T10:00:00Z");
    assertThat(meta.has("updated")).isFalse();
    assertThat(meta.has("deactivated")).isFalse();
    assertThat(meta.path("versionId").asText()).isEqualTo(create.id().value());
    assertThat(json.path("didResolutionMetadata").path("contentType").asText())
        .isEqualTo("application/did+ld+json");
  }

  @Test
  void resolve_afterRotation_showsNewKeyAndOldVersionShowsOldKey() {
    Operation create = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of()));
    String did = create.stream();
    clock.advance(Duration.ofHours(1));
    Ed25519PrivateKey next = Ed25519PrivateKey.generate();
    Operation rotate = submitted(DidMipOperations.rotate(state(did), key, next.publicKey()));

    DidDocument now = resolver.resolve(did).didDocument().orElseThrow();
    ResolutionResult before =
        resolver.resolve(did, ResolutionOptions.atTime(T0.plus(Duration.ofMinutes(30))));

    assertThat(now.verificationMethod(did + "#key-2").flatMap(vm -> vm.ed25519Key()))
        .contains(next.publicKey());
    assertThat(now.verificationMethod(did + "#key-1")).isEmpty();
    assertThat(before.didDocument().orElseThrow().verificationMethod(did + "#key-1"))
        .flatMap(vm -> vm.ed25519Key())
        .contains(key.publicKey());
    assertThat(before.didDocumentMetadata().versionId()).contains(create.id().value());
    assertThat(before.didDocumentMetadata().nextVersionId()).contains(rotate.id().value());
    assertThat(before.didDocumentMetadata().nextUpdate()).contains(T0.plus(Duration.ofHours(1)));
    assertThat(resolver.resolve(did).didDocumentMetadata().updated())
        .contains(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void resolve_versionId_selectsThatVersion() {
    Operation create = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of()));
    String did = create.stream();
    submitted(DidMipOperations.addService(state(did), key, profile));

    ResolutionResult first =
        resolver.resolve(did, ResolutionOptions.atVersion(create.id().value()));

    assertThat(first.didDocument().orElseThrow().services()).isEmpty();
    assertThat(resolver.resolve(did).didDocument().orElseThrow().services())
        .containsExactly(profile);
  }

  @Test
  void resolve_versionTimeBeforeCreation_givesNotFound() {
    String did = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of())).stream();

    ResolutionResult result = resolver.resolve(did, ResolutionOptions.atTime(T0.minusSeconds(1)));

    assertThat(result.error()).contains(ResolutionError.NOT_FOUND);
  }

  @Test
  void deactivate_resolvesDeactivatedAndRefusesFurtherUpdates() {
    String did = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of())).stream();
    DidMipState before = state(did);
    submitted(DidMipOperations.deactivate(before, key));

    ResolutionResult result = resolver.resolve(did);
    Admission update =
        ledger.submit(
            DidMipOperations.update(
                did, ledger.head(did).orElseThrow().operation().id(), key, before.state()));

    assertThat(result.didDocumentMetadata().deactivated()).isTrue();
    assertThat(result.toJson().path("didDocumentMetadata").path("deactivated").asBoolean())
        .isTrue();
    assertThat(result.didDocument().orElseThrow().verificationMethods()).isEmpty();
    assertThat(update.rejection().code()).isEqualTo("did-deactivated");
    assertThat(resolver.resolveVerificationKey(did + "#key-1").failure())
        .contains(io.mip.did.KeyResolution.Failure.DEACTIVATED);
  }

  @Test
  void submit_updateByAnotherKey_isRefusedAsUnauthorized() {
    String did = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of())).stream();
    Ed25519PrivateKey attacker = Ed25519PrivateKey.generate();

    Admission a =
        ledger.submit(
            DidMipOperations.update(
                did,
                state(did).head(),
                attacker,
                state(did).state().withSigningKey(attacker.publicKey())));

    assertThat(a.rejection().code()).isEqualTo("unauthorized-signer");
  }

  @Test
  void submit_foreignOperationOnDidStream_isRefusedAndOwnersNextUpdateStillChains() {
    Operation create = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of()));
    String did = create.stream();
    Operation foreign =
        Operation.sign("x.y", did, create.id(), create.payload(), Ed25519PrivateKey.generate());

    Admission a = ledger.submit(foreign);

    assertThat(a.rejection().code()).isEqualTo(io.mip.ledger.Policies.FOREIGN_OPERATION);
    submitted(DidMipOperations.addService(state(did), key, profile));
    assertThat(resolver.resolve(did).didDocument().orElseThrow().services())
        .containsExactly(profile);
  }

  @Test
  void submit_staleUpdate_isRefusedAsBrokenChainAndReplayIsDuplicate() {
    String did = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of())).stream();
    DidMipState s = state(did);
    Operation first = submitted(DidMipOperations.addService(s, key, profile));
    Operation stale = DidMipOperations.rotate(s, key, Ed25519PrivateKey.generate().publicKey());

    assertThat(ledger.submit(stale).rejection().reason()).isEqualTo(Rejection.Reason.BROKEN_CHAIN);
    assertThat(ledger.submit(first).status()).isEqualTo(Admission.Status.DUPLICATE);
    assertThat(resolver.resolve(did).didDocument().orElseThrow().services())
        .containsExactly(profile);
  }

  @Test
  void resolveVerificationKey_followsRotationAndVersions() {
    String did = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of())).stream();
    clock.advance(Duration.ofMinutes(5));
    Ed25519PrivateKey next = Ed25519PrivateKey.generate();
    submitted(DidMipOperations.rotate(state(did), key, next.publicKey()));

    assertThat(resolver.resolveVerificationKey(did + "#key-2").key()).contains(next.publicKey());
    assertThat(resolver.resolveVerificationKey(did + "#key-1").failure())
        .contains(io.mip.did.KeyResolution.Failure.NO_SUCH_METHOD);
    assertThat(
            resolver
                .resolveVerificationKey(
                    did + "#key-1",
                    io.mip.did.VerificationRelationship.ASSERTION_METHOD,
                    ResolutionOptions.atTime(T0))
                .key())
        .contains(key.publicKey());
    assertThat(resolver.resolveVerificationKey(did + "#key-agreement-1").failure())
        .contains(io.mip.did.KeyResolution.Failure.NOT_AUTHORIZED);
  }

  @Test
  void resolve_ledgerThatRanNoPolicy_ignoresForgedOperation(@TempDir Path laxDir) {
    try (Ledger lax = EmbeddedLedger.open(laxDir, List.of(), clock)) {
      Operation create = DidMipOperations.create(key, agreement.publicKey(), List.of());
      String did = create.stream();
      Ed25519PrivateKey attacker = Ed25519PrivateKey.generate();
      DidState mine = new DidState(key.publicKey(), agreement.publicKey(), List.of());
      Operation forged =
          DidMipOperations.update(
              did, create.id(), attacker, mine.withSigningKey(attacker.publicKey()));
      Operation good = DidMipOperations.update(did, forged.id(), key, mine.withService(profile));
      assertThat(lax.submitAll(List.of(create, forged, good)))
          .allMatch(a -> a.status() == Admission.Status.ACCEPTED);

      ResolutionResult result = new DidMipResolver(lax).resolve(did);

      DidDocument doc = result.didDocument().orElseThrow();
      assertThat(doc.verificationMethod(did + "#key-1").flatMap(vm -> vm.ed25519Key()))
          .contains(key.publicKey());
      assertThat(doc.services()).containsExactly(profile);
      assertThat(result.didDocumentMetadata().versionId()).contains(good.id().value());
    }
  }

  @Test
  void resolve_unknownDid_givesNotFound() {
    String did = DidMipOperations.create(key, agreement.publicKey(), List.of()).stream();

    assertThat(resolver.resolve(did).error()).contains(ResolutionError.NOT_FOUND);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "did:mip:",
        "did:mip:abc",
        "did:mip:0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OI",
        "did:mip:111111111111111111111111111111111111111111111",
        "did:mip:11111111111111111111111111111111",
        "did:mip:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "did:mip:7Xa#frag",
        "mip:7Xa",
        "did:mip",
        ""
      })
  void resolve_malformedDid_givesInvalidDid(String did) {
    assertThat(resolver.resolve(did).error()).contains(ResolutionError.INVALID_DID);
  }

  @Test
  void resolve_otherMethod_givesMethodNotSupported() {
    assertThat(resolver.resolve("did:web:example.com").error())
        .contains(ResolutionError.METHOD_NOT_SUPPORTED);
  }

  @Test
  void resolve_malformedOptions_givesInvalidOptions() {
    String did = submitted(DidMipOperations.create(key, agreement.publicKey(), List.of())).stream();

    assertThat(resolver.resolve(did, "yesterday", null).error())
        .contains(ResolutionError.INVALID_OPTIONS);
    assertThat(resolver.resolve(did, null, "not-an-operation-id").error())
        .contains(ResolutionError.INVALID_OPTIONS);
    assertThat(
            resolver
                .resolve(
                    did,
                    "2025-03-01T10:00:00Z",
                    ledger.head(did).orElseThrow().operation().id().value())
                .error())
        .contains(ResolutionError.INVALID_OPTIONS);
    assertThat(resolver.resolve(did, "2025-03-01T10:00:00Z", null).isSuccess()).isTrue();
  }

  private Operation submitted(Operation op) {
    Admission a = ledger.submit(op);
    assertThat(a.status()).as(String.valueOf(a.rejection())).isEqualTo(Admission.Status.ACCEPTED);
    return op;
  }

  private DidMipState state(String did) {
    return resolver.state(did).orElseThrow();
  }
}
