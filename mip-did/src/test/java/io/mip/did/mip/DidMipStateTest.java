package io.mip.did.mip;

import static io.mip.did.mip.TestEntries.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Ed25519PrivateKey;
import io.mip.crypto.X25519PrivateKey;
import io.mip.did.ResolutionOptions;
import io.mip.did.Service;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DidMipStateTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final Ed25519PrivateKey key = Ed25519PrivateKey.generate();
  private final X25519PrivateKey agreement = X25519PrivateKey.generate();
  private final Operation create = DidMipOperations.create(key, agreement.publicKey(), List.of());
  private final String did = create.stream();
  private final Service inbox =
      new Service("#inbox", "DIDCommMessaging", "https://node.example/inbox");

  @Test
  void replay_forgedUpdateAdmittedByLaxBackend_isDroppedAndNextOneChainsOnIt() {
    Ed25519PrivateKey attacker = Ed25519PrivateKey.generate();
    Operation forged =
        DidMipOperations.update(
            did, create.id(), attacker, state().withSigningKey(attacker.publicKey()));
    Operation good = DidMipOperations.update(did, forged.id(), key, state().withService(inbox));

    DidMipState s = replay(List.of(e(create, 1, 0), e(forged, 2, 1), e(good, 3, 2))).orElseThrow();

    assertThat(s.signingKey()).isEqualTo(key.publicKey());
    assertThat(s.services()).containsExactly(inbox);
    assertThat(s.versionSequence()).isEqualTo(2);
    assertThat(s.versionId()).isEqualTo(good.id());
  }

  @Test
  void replay_updateNotChainedOnItsPredecessor_isDropped() {
    Operation a = DidMipOperations.update(did, create.id(), key, state().withService(inbox));
    Operation fork = DidMipOperations.update(did, create.id(), key, state());

    DidMipState s = replay(List.of(e(create, 1, 0), e(a, 2, 1), e(fork, 3, 2))).orElseThrow();

    assertThat(s.versionId()).isEqualTo(a.id());
    assertThat(s.head()).isEqualTo(fork.id());
  }

  @Test
  void replay_createWhosePayloadDoesNotDeriveTheStream_givesNothing() {
    String other = DidMipOperations.create(key, agreement.publicKey(), List.of()).stream();
    Operation moved = Operation.sign("did.create", other, null, create.payload(), key);

    assertThat(DidMipState.replay(other, List.of(e(moved, 1, 0)), ResolutionOptions.latest()))
        .isEmpty();
  }

  @Test
  void replay_noEntries_givesNothing() {
    assertThat(replay(List.of())).isEmpty();
  }

  @Test
  void replay_rotations_countKeyIndexesOnlyWhenAKeyChanges() {
    Ed25519PrivateKey k2 = Ed25519PrivateKey.generate();
    Ed25519PrivateKey k3 = Ed25519PrivateKey.generate();
    DidState s1 = state();
    Operation rot1 =
        DidMipOperations.update(did, create.id(), key, s1.withSigningKey(k2.publicKey()));
    DidState s2 = s1.withSigningKey(k2.publicKey()).withService(inbox);
    Operation svc = DidMipOperations.update(did, rot1.id(), k2, s2);
    DidState s3 =
        s2.withSigningKey(k3.publicKey()).withAgreementKey(X25519PrivateKey.generate().publicKey());
    Operation rot2 = DidMipOperations.update(did, svc.id(), k2, s3);

    DidMipState s =
        replay(List.of(e(create, 1, 0), e(rot1, 2, 1), e(svc, 3, 2), e(rot2, 4, 3))).orElseThrow();

    assertThat(s.signingKeyIndex()).isEqualTo(3);
    assertThat(s.agreementKeyIndex()).isEqualTo(2);
    assertThat(s.signingKeyId()).isEqualTo(did + "#key-3");
    assertThat(s.agreementKeyId()).isEqualTo(did + "#key-agreement-2");
    assertThat(s.versionSequence()).isEqualTo(4);
  }

  @Test
  void replay_versionTime_selectsLastOperationAtOrBeforeThatSecond() {
    Operation a = DidMipOperations.update(did, create.id(), key, state().withService(inbox));
    Operation b = DidMipOperations.update(did, a.id(), key, state());
    List<LedgerEntry> entries =
        List.of(
            entry(create, 1, T0),
            entry(a, 2, T0.plusMillis(60_400)),
            entry(b, 3, T0.plusSeconds(120)));

    Optional<DidMipState> atMinute =
        DidMipState.replay(did, entries, ResolutionOptions.atTime(T0.plusSeconds(60)));
    Optional<DidMipState> justBefore =
        DidMipState.replay(did, entries, ResolutionOptions.atTime(T0.plusSeconds(59)));

    assertThat(atMinute.orElseThrow().versionId()).isEqualTo(a.id());
    assertThat(justBefore.orElseThrow().versionId()).isEqualTo(create.id());
  }

  @Test
  void replay_deactivation_isFinal() {
    Operation off = DidMipOperations.deactivate(did, create.id(), key);
    Operation after = DidMipOperations.update(did, off.id(), key, state().withService(inbox));

    DidMipState s = replay(List.of(e(create, 1, 0), e(off, 2, 1), e(after, 3, 2))).orElseThrow();

    assertThat(s.deactivated()).isTrue();
    assertThat(s.versionId()).isEqualTo(off.id());
    assertThat(s.services()).isEmpty();
  }

  private DidState state() {
    return new DidState(key.publicKey(), agreement.publicKey(), List.of());
  }

  private static LedgerEntry e(Operation op, long sequence, long minutes) {
    return entry(op, sequence, T0.plusSeconds(60 * minutes));
  }

  private Optional<DidMipState> replay(List<LedgerEntry> entries) {
    return DidMipState.replay(did, entries, ResolutionOptions.latest());
  }
}
