package io.mip.did.mip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.Service;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DidMipOperationsTest {
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();
  private final X25519PrivateKey agreement = X25519PrivateKey.generate();
  private final Service profile =
      new Service("#profile", "MipProfileStore", "https://node.example/profile");

  @Test
  void create_freshKeys_signsCreateOnTheDerivedDid() {
    Operation op = DidMipOperations.create(key, agreement.publicKey(), List.of(profile));

    assertThat(op.type()).isEqualTo("did.create");
    assertThat(op.prev()).isEmpty();
    assertThat(op.signatureValid()).isTrue();
    assertThat(op.signer()).isEqualTo(key.publicKey());
    assertThat(DidMipOperations.didOf(op)).isEqualTo(op.stream()).startsWith("did:mip:");
    assertThat(DidMipOperations.isValidDid(op.stream())).isTrue();
  }

  @Test
  void create_payload_holdsKeysServicesAndSixteenByteNonce() {
    ObjectNode payload =
        DidMipOperations.create(key, agreement.publicKey(), List.of(profile)).payload();

    assertThat(payload.properties())
        .extracting(e -> e.getKey())
        .containsExactlyInAnyOrder("signingKey", "agreementKey", "services", "nonce");
    assertThat(payload.get("signingKey").asText()).isEqualTo(key.publicKey().toMultibase());
    assertThat(payload.get("agreementKey").asText()).startsWith("z6LS");
    assertThat(payload.get("services").get(0).get("id").asText()).isEqualTo("#profile");
    assertThat(payload.get("nonce").asText()).hasSize(22);
  }

  @Test
  void create_sameKeysTwice_givesTwoDids() {
    Operation a = DidMipOperations.create(key, agreement.publicKey(), List.of());
    Operation b = DidMipOperations.create(key, agreement.publicKey(), List.of());

    assertThat(a.stream()).isNotEqualTo(b.stream());
  }

  @Test
  void didOf_createOnAnotherStream_isRefused() {
    Operation good = DidMipOperations.create(key, agreement.publicKey(), List.of());
    Operation moved =
        Operation.sign(
            "did.create",
            DidMipOperations.create(key, agreement.publicKey(), List.of()).stream(),
            null,
            good.payload(),
            key);

    assertThatThrownBy(() -> DidMipOperations.didOf(moved))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void didOf_notACreate_isRefused() {
    Operation create = DidMipOperations.create(key, agreement.publicKey(), List.of());
    Operation deactivate = DidMipOperations.deactivate(create.stream(), create.id(), key);

    assertThatThrownBy(() -> DidMipOperations.didOf(deactivate))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rotate_currentState_chainsOnHeadAndCarriesNewKey() {
    DidMipState current = stateOf(DidMipOperations.create(key, agreement.publicKey(), List.of()));
    Ed25519PrivateKey next = Ed25519PrivateKey.generate();

    Operation op = DidMipOperations.rotate(current, key, next.publicKey());

    assertThat(op.type()).isEqualTo("did.update");
    assertThat(op.prev()).contains(current.head());
    assertThat(op.signer()).isEqualTo(key.publicKey());
    assertThat(op.payload().get("signingKey").asText()).isEqualTo(next.publicKey().toMultibase());
    assertThat(op.payload().has("nonce")).isFalse();
  }

  @Test
  void rotate_withKeyThatIsNotCurrent_isRefused() {
    DidMipState current = stateOf(DidMipOperations.create(key, agreement.publicKey(), List.of()));

    assertThatThrownBy(
            () ->
                DidMipOperations.rotate(
                    current,
                    Ed25519PrivateKey.generate(),
                    Ed25519PrivateKey.generate().publicKey()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addThenRemoveService_changesOnlyServices() {
    DidMipState current = stateOf(DidMipOperations.create(key, agreement.publicKey(), List.of()));

    Operation add = DidMipOperations.addService(current, key, profile);
    Operation remove =
        DidMipOperations.removeService(withServices(current, List.of(profile)), key, profile.id());

    assertThat(add.payload().get("services")).hasSize(1);
    assertThat(add.payload().get("signingKey")).isEqualTo(remove.payload().get("signingKey"));
    assertThat(remove.payload().get("services")).isEmpty();
  }

  @Test
  void removeService_unknownId_isRefused() {
    DidMipState current = stateOf(DidMipOperations.create(key, agreement.publicKey(), List.of()));

    assertThatThrownBy(() -> DidMipOperations.removeService(current, key, "#nope"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void update_malformedDid_isRefused() {
    DidState next = new DidState(key.publicKey(), agreement.publicKey(), List.of());
    OperationId prev = DidMipOperations.create(key, agreement.publicKey(), List.of()).id();

    assertThatThrownBy(() -> DidMipOperations.update("did:mip:0OIl", prev, key, next))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void create_tooManyServices_isRefused() {
    List<Service> many =
        java.util.stream.IntStream.range(0, DidState.MAX_SERVICES + 1)
            .mapToObj(i -> new Service("#s" + i, "T", "https://node.example/" + i))
            .toList();

    assertThatThrownBy(() -> DidMipOperations.create(key, agreement.publicKey(), many))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static DidMipState stateOf(Operation create) {
    return DidMipState.replay(
            create.stream(),
            List.of(TestEntries.entry(create, 1, Instant.parse("2025-01-01T00:00:00Z"))),
            io.mip.did.ResolutionOptions.latest())
        .orElseThrow();
  }

  private static DidMipState withServices(DidMipState s, List<Service> services) {
    return new DidMipState(
        s.did(),
        s.signingKey(),
        s.agreementKey(),
        services,
        s.deactivated(),
        s.created(),
        s.updated(),
        s.versionId(),
        s.versionSequence(),
        s.signingKeyIndex(),
        s.agreementKeyIndex(),
        s.head());
  }
}
