package io.mip.ledger.evm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Base64Url;
import io.mip.crypto.MerkleTree;
import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import io.mip.ledger.TestStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifiedStateTest {
  private static final String HASH = "0x" + "11".repeat(32);
  private static final String PARENT = "0x" + "22".repeat(32);

  private static ChainBlock block(long n) {
    return new ChainBlock(n, HASH, PARENT, Instant.ofEpochSecond(1_700_000_000L + n));
  }

  private static Admission apply(VerifiedState s, Operation op, long block) {
    return s.apply(op, op.signatureValid(), block(block));
  }

  @Test
  void apply_validChain_sequencesAndReceiptsFromTheChainBlock() {
    VerifiedState s = new VerifiedState(List.of());
    TestStream a = TestStream.create();
    Admission first = apply(s, a.next(), 5);
    Admission second = apply(s, a.next(), 7);
    assertThat(first.status()).isEqualTo(Admission.Status.ACCEPTED);
    assertThat(first.receipt().sequence()).isEqualTo(1);
    assertThat(first.receipt().blockHeight()).isEqualTo(5);
    assertThat(first.receipt().time()).isEqualTo(Instant.ofEpochSecond(1_700_000_005L));
    assertThat(second.receipt().sequence()).isEqualTo(2);
    assertThat(s.size()).isEqualTo(2);
    assertThat(s.stream(a.id())).hasSize(2);
  }

  @Test
  void apply_exactDuplicateOnChain_ignoredWithOriginalReceipt() {
    VerifiedState s = new VerifiedState(List.of());
    Operation op = TestStream.create().next();
    Admission first = apply(s, op, 1);
    Admission again = apply(s, op, 2);
    assertThat(again.status()).isEqualTo(Admission.Status.DUPLICATE);
    assertThat(again.receipt()).isEqualTo(first.receipt());
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.block(2)).isEmpty();
  }

  @Test
  void apply_forkAndForgery_droppedWithTheEmbeddedReasons() {
    VerifiedState s = new VerifiedState(List.of());
    TestStream a = TestStream.create();
    Operation root = a.next();
    apply(s, root, 1);
    Operation left = a.withPrev(root.id());
    Operation right = a.withPrev(root.id());
    apply(s, left, 2);
    Admission fork = apply(s, right, 2);
    assertThat(fork.rejection().reason()).isEqualTo(Rejection.Reason.BROKEN_CHAIN);
    Operation forged = TestStream.signedByStranger(a.next());
    assertThat(apply(s, forged, 3).rejection().reason()).isEqualTo(Rejection.Reason.BAD_SIGNATURE);
    assertThat(s.stream(a.id()))
        .extracting(e -> e.operation().id())
        .containsExactly(root.id(), left.id());
  }

  @Test
  void check_pendingOperations_countAsTheStreamHeadAndPolicyView() {
    OperationPolicy atMostTwo =
        new OperationPolicy() {
          @Override
          public boolean appliesTo(String type) {
            return true;
          }

          @Override
          public Optional<Rejection> check(Operation op, StreamView stream) {
            return stream.operations().size() >= 2
                ? Optional.of(Rejection.policy("full", "two is enough"))
                : Optional.empty();
          }
        };
    VerifiedState s = new VerifiedState(List.of(atMostTwo));
    TestStream a = TestStream.create();
    Operation one = a.next();
    apply(s, one, 1);
    Operation two = a.next();
    Operation three = a.next();
    assertThat(s.check(two, true, List.of()).status()).isEqualTo(Admission.Status.ACCEPTED);
    assertThat(s.check(three, true, List.of()).rejection().reason())
        .isEqualTo(Rejection.Reason.BROKEN_CHAIN);
    assertThat(s.check(three, true, List.of(two)).rejection().code()).isEqualTo("full");
  }

  @Test
  void block_withAdmittedOperations_mapsTheChainBlock() {
    VerifiedState s = new VerifiedState(List.of());
    Operation x = TestStream.create().next();
    Operation y = TestStream.create().next();
    apply(s, x, 9);
    apply(s, y, 9);
    Block b = s.block(9).orElseThrow();
    assertThat(b.height()).isEqualTo(9);
    assertThat(b.operations()).containsExactly(x.id(), y.id());
    assertThat(b.merkleRoot())
        .isEqualTo(
            Base64Url.encode(MerkleTree.root(List.of(x.canonicalBytes(), y.canonicalBytes()))));
    assertThat(Base64Url.decode(b.hash())).hasSize(32).containsOnly((byte) 0x11);
    assertThat(Base64Url.decode(b.previousHash())).containsOnly((byte) 0x22);
    assertThat(b.signer()).isEmpty();
    assertThat(s.block(8)).isEmpty();
  }

  @Test
  void since_paging_boundsRespected() {
    VerifiedState s = new VerifiedState(List.of());
    for (int i = 0; i < 5; i++) {
      apply(s, TestStream.create().next(), i + 1);
    }
    assertThat(s.since(0, 2)).extracting(e -> e.receipt().sequence()).containsExactly(1L, 2L);
    assertThat(s.since(3, 100)).extracting(e -> e.receipt().sequence()).containsExactly(4L, 5L);
    assertThat(s.since(5, 10)).isEmpty();
    assertThat(s.since(-7, 1)).hasSize(1);
    assertThat(s.since(0, 0)).isEmpty();
  }

  @Test
  void truncate_aboveABlock_forgetsThoseOperationsAndNumbersOnFromThere() {
    VerifiedState s = new VerifiedState(List.of());
    TestStream a = TestStream.create();
    TestStream b = TestStream.create();
    Operation a1 = a.next();
    Operation a2 = a.next();
    Operation b1 = b.next();
    apply(s, a1, 3);
    apply(s, b1, 4);
    apply(s, a2, 5);

    List<io.mip.ledger.LedgerEntry> removed = s.truncate(3);

    assertThat(removed).extracting(e -> e.operation().id()).containsExactly(b1.id(), a2.id());
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.head(a.id()).orElseThrow().operation().id()).isEqualTo(a1.id());
    assertThat(s.stream(b.id())).isEmpty();
    assertThat(s.find(a2.id())).isEmpty();
    assertThat(s.block(4)).isEmpty();
    assertThat(s.block(3)).isPresent();
    // replayed again (from another chain), they number on from the truncated state
    Admission again = apply(s, a2, 4);
    assertThat(again.status()).isEqualTo(Admission.Status.ACCEPTED);
    assertThat(again.receipt().sequence()).isEqualTo(2);
  }
}
