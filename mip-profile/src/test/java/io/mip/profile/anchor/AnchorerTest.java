package io.mip.profile.anchor;

import static io.mip.profile.ProfileFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.ledger.Operation;
import io.mip.profile.AppProfile;
import io.mip.profile.PersonProfile;
import io.mip.profile.ProfileFixture;
import io.mip.profile.RecordId;
import io.mip.profile.TestParty;
import io.mip.profile.service.ProfileRefusal.Reason;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorerTest {
  @TempDir Path dir;

  @Test
  void proof_afterBatch_verifiesAgainstLedgerAndNothingElseDoes() {
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      AppProfile clinic = f.appProfile(f.app("clinic"));
      PersonProfile wallet = f.personProfile(person);
      List<RecordId> ids = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        ids.add(clinic.deposit(person.did(), record("health.visit", "v" + i)).value().id());
      }
      assertThat(wallet.verify(ids.get(0)).refusal().reason()).isEqualTo(Reason.NOT_YET_ANCHORED);

      AnchorBatch batch = f.services.anchorer().anchorNow().orElseThrow();
      assertThat(batch.size()).isEqualTo(7);
      assertThat(f.services.anchorer().anchorNow()).isEmpty();

      for (RecordId id : ids) {
        assertThat(wallet.verify(id).value().ok()).isTrue();
      }
      InclusionProof p = f.api(person).proof(ids.get(3)).value();
      Optional<Operation> op = f.ledger.find(p.operation()).map(e -> e.operation());
      assertThat(op.get().payload().toString()).doesNotContain(person.did());

      byte[] otherLeaf = Leaves.record(ids.get(4).hashBytes());
      assertThat(ProofVerification.verify(otherLeaf, p, op).failure())
          .contains(ProofVerification.Failure.LEAF_MISMATCH);
      InclusionProof badIndex =
          new InclusionProof(
              p.leaf(),
              p.batch(),
              (p.index() + 1) % 7,
              p.treeSize(),
              p.path(),
              p.root(),
              p.operation());
      assertThat(ProofVerification.verify(p.leafBytes(), badIndex, op).ok()).isFalse();
      assertThat(ProofVerification.verify(p.leafBytes(), p, Optional.empty()).failure())
          .contains(ProofVerification.Failure.ANCHOR_NOT_ON_LEDGER);
    }
  }

  @Test
  void anchorer_reachingMaxLeaves_anchorsInBackground() throws Exception {
    try (ProfileFixture f = new ProfileFixture(dir)) {
      TestParty person = f.person();
      AppProfile clinic = f.appProfile(f.app("clinic"));
      try (Anchorer small =
          new Anchorer(
              f.services.storage().index().anchors(),
              f.ledger,
              io.mip.crypto.Ed25519PrivateKey.generate(),
              2,
              java.time.Duration.ofHours(1))) {
        small.start();
        clinic.deposit(person.did(), record("health.visit", "a"));
        clinic.deposit(person.did(), record("health.visit", "b"));
        small.leafQueued();
        small.leafQueued();
        long deadline = System.currentTimeMillis() + 20_000;
        while (f.services.storage().index().anchors().last().isEmpty()
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
        assertThat(f.services.storage().index().anchors().last()).isPresent();
      }
    }
  }
}
