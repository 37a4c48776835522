package io.mip.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Ledger} backend must show. A backend's test extends this class and
 * implements the two hooks; the suite closes every ledger it opened after each test.
 *
 * <p>Hooks: {@link #openLedger} opens a new, empty ledger; {@link #reopenLedger} closes one and
 * opens its storage again (a restart). Backend-specific checks (tamper detection, crash safety)
 * belong in the backend's own tests.
 */
public abstract class LedgerConformanceTest extends LedgerConcurrencyConformance {
  @Test
  void submit_severalStreams_sequencesGaplessFromOneAndStreamOrderKept() {
    Ledger ledger = open(List.of());
    TestStream a = TestStream.create();
    TestStream b = TestStream.create();
    List<Operation> ops = List.of(a.next(), b.next(), a.next(), b.next(), a.next());
    List<Long> seqs = new ArrayList<>();
    for (Operation op : ops) {
      Admission ad = ledger.submit(op);
      assertThat(ad.status()).isEqualTo(Admission.Status.ACCEPTED);
      seqs.add(ad.receipt().sequence());
    }
    assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(ledger.size()).isEqualTo(5);
    assertThat(ids(ledger.stream(a.id())))
        .containsExactly(ops.get(0).id(), ops.get(2).id(), ops.get(4).id());
    assertThat(ledger.head(b.id()).orElseThrow().operation()).isEqualTo(ops.get(3));
    assertThat(ledger.find(ops.get(1).id()).orElseThrow().receipt().sequence()).isEqualTo(2);
  }

  @Test
  void submit_sameOperationTwice_duplicateWithOriginalReceiptAndNothingStored() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    Operation first = s.next();
    Operation second = s.next();
    Receipt original = ledger.submit(first).receipt();
    ledger.submit(second);
    Admission again = ledger.submit(first);
    assertThat(again.status()).isEqualTo(Admission.Status.DUPLICATE);
    assertThat(again.receipt()).isEqualTo(original);
    assertThat(ledger.size()).isEqualTo(2);
    assertThat(ledger.stream(s.id())).hasSize(2);
  }

  @Test
  void submitAll_sameOperationTwiceInOneCall_secondIsDuplicate() {
    Ledger ledger = open(List.of());
    Operation op = TestStream.create().next();
    List<Admission> r = ledger.submitAll(List.of(op, op));
    assertThat(r.get(0).status()).isEqualTo(Admission.Status.ACCEPTED);
    assertThat(r.get(1).status()).isEqualTo(Admission.Status.DUPLICATE);
    assertThat(r.get(1).receipt()).isEqualTo(r.get(0).receipt());
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void submit_badSignature_rejectedBadSignature() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    Operation good = s.next();
    Operation forged = TestStream.withForeignSignature(good, TestStream.create().next());
    Operation stranger = TestStream.signedByStranger(good);
    for (Operation bad : List.of(forged, stranger)) {
      Admission ad = ledger.submit(bad);
      assertThat(ad.status()).isEqualTo(Admission.Status.REJECTED);
      assertThat(ad.rejection().reason()).isEqualTo(Rejection.Reason.BAD_SIGNATURE);
      assertThat(ad.rejection().code()).isEqualTo("bad-signature");
    }
    assertThat(ledger.size()).isZero();
    assertThat(ledger.find(forged.id())).isEmpty();
    assertThat(ledger.submit(good).status()).isEqualTo(Admission.Status.ACCEPTED);
  }

  @Test
  void submit_wrongOrAbsentPrev_rejectedBrokenChain() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    Operation first = s.next();
    Operation unknownPrevOnNewStream = TestStream.create().withPrev(first.id());
    assertRejected(ledger.submit(unknownPrevOnNewStream), Rejection.Reason.BROKEN_CHAIN);
    ledger.submit(first);
    assertRejected(ledger.submit(s.withPrev(null)), Rejection.Reason.BROKEN_CHAIN);
    Operation elsewhere = TestStream.create().next();
    ledger.submit(elsewhere);
    assertRejected(ledger.submit(s.withPrev(elsewhere.id())), Rejection.Reason.BROKEN_CHAIN);
    assertThat(ledger.size()).isEqualTo(2);
  }

  @Test
  void submit_forkAttempt_onlyFirstBranchAdmitted() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    Operation root = s.next();
    ledger.submit(root);
    Operation left = s.withPrev(root.id());
    Operation right = s.withPrev(root.id());
    assertThat(ledger.submit(left).status()).isEqualTo(Admission.Status.ACCEPTED);
    assertRejected(ledger.submit(right), Rejection.Reason.BROKEN_CHAIN);
    Operation up = s.withPrev(root.id());
    Operation down = s.withPrev(root.id());
    List<Admission> inOneCall = ledger.submitAll(List.of(up, down));
    assertRejected(inOneCall.get(0), Rejection.Reason.BROKEN_CHAIN);
    assertRejected(inOneCall.get(1), Rejection.Reason.BROKEN_CHAIN);
    assertThat(ids(ledger.stream(s.id()))).containsExactly(root.id(), left.id());
  }

  @Test
  void submitAll_forkInsideOneCall_firstBranchWins() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    Operation root = s.next();
    List<Admission> r =
        ledger.submitAll(List.of(root, s.withPrev(root.id()), s.withPrev(root.id())));
    assertThat(r.get(0).admitted()).isTrue();
    assertThat(r.get(1).status()).isEqualTo(Admission.Status.ACCEPTED);
    assertRejected(r.get(2), Rejection.Reason.BROKEN_CHAIN);
  }

  @Test
  void submit_policyRefuses_rejectionCarriesPolicyCode() {
    Ledger ledger = open(List.of(LIMITED));
    TestStream s = TestStream.create();
    ledger.submit(s.next("test.limited"));
    ledger.submit(s.next("test.limited"));
    Admission third = ledger.submit(s.next("test.limited"));
    assertRejected(third, Rejection.Reason.POLICY);
    assertThat(third.rejection().code()).isEqualTo(STREAM_FULL);
    assertThat(ledger.submit(TestStream.create().next("test.other")).admitted()).isTrue();
  }

  @Test
  void submit_foreignTypeOnOwnedStream_refusedAndHeadUnmoved() {
    Ledger ledger = open(List.of(OWNER));
    TestStream s = TestStream.named("owned:" + java.util.UUID.randomUUID());
    Operation first = s.next("owned.create");
    assertThat(ledger.submit(first).admitted()).isTrue();
    Admission foreign = ledger.submit(s.next("x.y"));
    assertRejected(foreign, Rejection.Reason.POLICY);
    assertThat(foreign.rejection().code()).isEqualTo(Policies.FOREIGN_OPERATION);
    assertThat(ledger.head(s.id()).orElseThrow().operation()).isEqualTo(first);
    Operation owned = Operation.sign("owned.update", s.id(), first.id(), first.payload(), s.key());
    assertThat(ledger.submit(owned).admitted()).isTrue();
    assertThat(ledger.submit(TestStream.create().next("x.y")).admitted()).isTrue();
  }

  @Test
  void submitAll_policySeesEarlierOperationsOfTheSameCall() {
    Ledger ledger = open(List.of(LIMITED));
    TestStream s = TestStream.create();
    List<Admission> r =
        ledger.submitAll(
            List.of(s.next("test.limited"), s.next("test.limited"), s.next("test.limited")));
    assertThat(r.get(0).admitted()).isTrue();
    assertThat(r.get(1).admitted()).isTrue();
    assertThat(r.get(2).rejection().code()).isEqualTo(STREAM_FULL);
  }

  @Test
  void submitAll_dependentOperations_allAdmittedInOrder() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    List<Operation> chain = List.of(s.next(), s.next(), s.next(), s.next(), s.next());
    List<Admission> r = ledger.submitAll(chain);
    assertThat(r).allMatch(a -> a.status() == Admission.Status.ACCEPTED);
    for (int i = 1; i < r.size(); i++) {
      assertThat(r.get(i).receipt().sequence()).isGreaterThan(r.get(i - 1).receipt().sequence());
    }
    assertThat(ids(ledger.stream(s.id()))).containsExactlyElementsOf(ids(chain));
  }

  @Test
  void submitAll_rejectedLink_laterDependentsRejected() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    Operation first = s.next();
    Operation bad = TestStream.signedByStranger(s.next());
    Operation dependent = s.next();
    List<Admission> r = ledger.submitAll(List.of(first, bad, dependent));
    assertThat(r.get(0).admitted()).isTrue();
    assertRejected(r.get(1), Rejection.Reason.BAD_SIGNATURE);
    assertRejected(r.get(2), Rejection.Reason.BROKEN_CHAIN);
  }

  @Test
  void since_paging_returnsEveryOperationOnceInOrder() {
    Ledger ledger = open(List.of());
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ops.add(TestStream.create().next());
    }
    ledger.submitAll(ops);
    List<LedgerEntry> all = readAll(ledger, 7);
    assertThat(ids(all)).containsExactlyElementsOf(ids(ops));
    assertThat(ledger.since(25, 7)).isEmpty();
    assertThat(ledger.since(20, 100)).hasSize(5);
  }

  @Test
  void block_ofReceipt_holdsTheOperation() {
    Ledger ledger = open(List.of());
    Operation op = TestStream.create().next();
    Receipt r = ledger.submit(op).receipt();
    Block b = ledger.block(r.blockHeight()).orElseThrow();
    assertThat(b.operations()).contains(op.id());
    assertThat(b.time()).isEqualTo(r.time());
    assertThat(ledger.height()).isGreaterThanOrEqualTo(r.blockHeight());
    assertThat(ledger.block(ledger.height() + 1)).isEmpty();
  }

  @Test
  void reads_unknownStreamOrId_empty() {
    Ledger ledger = open(List.of());
    Operation op = TestStream.create().next();
    assertThat(ledger.find(op.id())).isEmpty();
    assertThat(ledger.head(op.stream())).isEmpty();
    assertThat(ledger.stream(op.stream())).isEmpty();
    assertThat(ledger.since(0, 10)).isEmpty();
    assertThat(ledger.governanceKey()).isNotNull();
  }
}
