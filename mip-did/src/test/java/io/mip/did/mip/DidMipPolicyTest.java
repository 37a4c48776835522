package io.mip.did.mip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.Service;
import io.mip.ledger.Operation;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidMipPolicyTest {
  private final DidMipPolicy policy = new DidMipPolicy();
  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();
  private final X25519PrivateKey agreement = X25519PrivateKey.generate();
  private final Operation create = DidMipOperations.create(key, agreement.publicKey(), List.of());
  private final String did = create.stream();

  @Test
  void appliesTo_didTypesOnly() {
    assertThat(policy.appliesTo("did.create")).isTrue();
    assertThat(policy.appliesTo("did.update")).isTrue();
    assertThat(policy.appliesTo("status.update")).isFalse();
  }

  @Test
  void ownsStream_didMipStreamsOnly() {
    assertThat(policy.ownsStream(did)).isTrue();
    assertThat(policy.ownsStream("status:" + did + ":list-1")).isFalse();
    assertThat(policy.ownsStream("did:key:z6Mkabc")).isFalse();
  }

  @Test
  void check_validCreateOnNewStream_admits() {
    assertThat(policy.check(create, view(did))).isEmpty();
  }

  @Test
  void check_createOnAnotherStream_refusesDidMismatch() {
    String other = DidMipOperations.create(key, agreement.publicKey(), List.of()).stream();
    Operation moved = Operation.sign("did.create", other, null, create.payload(), key);

    assertThat(code(policy.check(moved, view(other)))).isEqualTo("did-mismatch");
  }

  @Test
  void check_createSignedByAnotherKey_refusesUnauthorizedSigner() {
    Operation forged =
        Operation.sign("did.create", did, null, create.payload(), Ed25519PrivateKey.generate());

    assertThat(code(policy.check(forged, view(did)))).isEqualTo("unauthorized-signer");
  }

  @Test
  void check_createWithExtraField_refusesInvalidPayload() {
    ObjectNode payload = create.payload();
    payload.put("name", "Alice");

    assertThat(code(policy.check(signedCreate(payload), view(DidMipIdsForTest.derive(payload)))))
        .isEqualTo("invalid-did-payload");
  }

  @Test
  void check_createWithShortNonce_refusesInvalidPayload() {
    ObjectNode payload = create.payload();
    payload.put("nonce", "AAAA");

    assertThat(code(policy.check(signedCreate(payload), view(DidMipIdsForTest.derive(payload)))))
        .isEqualTo("invalid-did-payload");
  }

  @Test
  void check_createWithNonHttpEndpoint_refusesInvalidPayload() {
    ObjectNode payload = create.payload();
    ObjectNode service = payload.withArray("services").addObject();
    service.put("id", "#x");
    service.put("type", "T");
    service.put("serviceEndpoint", "javascript:alert(1)");

    assertThat(code(policy.check(signedCreate(payload), view(DidMipIdsForTest.derive(payload)))))
        .isEqualTo("invalid-did-payload");
  }

  @Test
  void check_updateByCurrentKey_admits() {
    Operation update = DidMipOperations.update(did, create.id(), key, state().withService(svc()));

    assertThat(policy.check(update, view(did, create))).isEmpty();
  }

  @Test
  void check_updateByAnotherKey_refusesUnauthorizedSigner() {
    Operation update =
        DidMipOperations.update(did, create.id(), Ed25519PrivateKey.generate(), state());

    assertThat(code(policy.check(update, view(did, create)))).isEqualTo("unauthorized-signer");
  }

  @Test
  void check_afterRotation_oldKeyRefusedNewKeyAdmitted() {
    Ed25519PrivateKey next = Ed25519PrivateKey.generate();
    Operation rotate =
        DidMipOperations.update(did, create.id(), key, state().withSigningKey(next.publicKey()));

    Operation byOld = DidMipOperations.update(did, rotate.id(), key, state());
    Operation byNew =
        DidMipOperations.update(did, rotate.id(), next, state().withSigningKey(next.publicKey()));

    assertThat(code(policy.check(byOld, view(did, create, rotate))))
        .isEqualTo("unauthorized-signer");
    assertThat(policy.check(byNew, view(did, create, rotate))).isEmpty();
  }

  @Test
  void check_updateOfUnknownDid_refusesNotFound() {
    Operation update =
        Operation.sign("did.update", did, null, DidMipPayloadsForTest.state(state()), key);

    assertThat(code(policy.check(update, view(did)))).isEqualTo("not-found");
  }

  @Test
  void check_anythingAfterDeactivation_refusesDidDeactivated() {
    Operation deactivate = DidMipOperations.deactivate(did, create.id(), key);
    Operation update = DidMipOperations.update(did, deactivate.id(), key, state());
    Operation again = DidMipOperations.deactivate(did, deactivate.id(), key);

    assertThat(code(policy.check(update, view(did, create, deactivate))))
        .isEqualTo("did-deactivated");
    assertThat(code(policy.check(again, view(did, create, deactivate))))
        .isEqualTo("did-deactivated");
  }

  @Test
  void check_staleUpdate_refusesBrokenChain() {
    Operation first = DidMipOperations.update(did, create.id(), key, state().withService(svc()));
    Operation stale = DidMipOperations.update(did, create.id(), key, state());

    Optional<Rejection> r = policy.check(stale, view(did, create, first));

    assertThat(r).map(Rejection::reason).contains(Rejection.Reason.BROKEN_CHAIN);
  }

  @Test
  void check_secondCreateOnExistingDid_refusesBrokenChain() {
    Optional<Rejection> r = policy.check(create, view(did, create));

    assertThat(r).map(Rejection::reason).contains(Rejection.Reason.BROKEN_CHAIN);
  }

  @Test
  void check_deactivateWithPayload_refusesInvalidPayload() {
    ObjectNode payload = DidMipPayloadsForTest.state(state());
    Operation bad = Operation.sign("did.deactivate", did, create.id(), payload, key);

    assertThat(code(policy.check(bad, view(did, create)))).isEqualTo("invalid-did-payload");
  }

  @Test
  void check_unknownDidType_refusesInvalidPayload() {
    Operation bad =
        Operation.sign("did.recover", did, create.id(), DidMipPayloadsForTest.state(state()), key);

    assertThat(code(policy.check(bad, view(did, create)))).isEqualTo("invalid-did-payload");
  }

  @Test
  void check_operationBeyondLimit_refusesTooManyOperations() {
    List<Operation> ops = new ArrayList<>(List.of(create));
    for (int i = 1; i < DidMipPolicy.MAX_OPERATIONS; i++) {
      ops.add(DidMipOperations.update(did, ops.get(ops.size() - 1).id(), key, state()));
    }
    Operation last = ops.get(ops.size() - 1);
    Operation extra = DidMipOperations.update(did, last.id(), key, state());

    assertThat(code(policy.check(extra, view(did, ops.toArray(Operation[]::new)))))
        .isEqualTo("too-many-operations");
  }

  private DidState state() {
    return new DidState(key.publicKey(), agreement.publicKey(), List.of());
  }

  private static Service svc() {
    return new Service("#inbox", "DIDCommMessaging", "https://node.example/inbox");
  }

  private Operation signedCreate(ObjectNode payload) {
    return Operation.sign("did.create", DidMipIdsForTest.derive(payload), null, payload, key);
  }

  private static String code(Optional<Rejection> r) {
    return r.map(Rejection::code).orElse("admitted");
  }

  private static StreamView view(String id, Operation... ops) {
    List<Operation> list = List.of(ops);
    return new StreamView() {
      @Override
      public String streamId() {
        return id;
      }

      @Override
      public List<Operation> operations() {
        return list;
      }
    };
  }
}
