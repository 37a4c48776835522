package io.mip.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Ledger} backend must show. A backend's test extends this class and
 * implements the two hooks; the suite closes every ledger it opened after each test.
 *
 * <p>Hooks: {@link #openLedger} opens a new, empty ledger; {@link #reopenLedger} closes one and
 * opens its storage again (a restart). Backend-specific checks (tamper detection, crash safety)
 * belong in the backend's own tests.
 */
public abstract class LedgerConformanceTest {
  /** The policy's rejection code in {@link #LIMITED}. */
  protected static final String STREAM_FULL = "stream-full";

  /** Refuses a third {@code test.limited} operation in a stream (sees earlier ones in a batch). */
  protected static final OperationPolicy LIMITED =
      new OperationPolicy() {
        @Override
        public boolean appliesTo(String type) {
          return type.equals("test.limited");
        }

        @Override
        public Optional<Rejection> check(Operation op, StreamView stream) {
          return stream.operations().size() >= 2
              ? Optional.of(Rejection.policy(STREAM_FULL, "stream holds two operations"))
              : Optional.empty();
        }
      };

  private final List<Ledger> opened = new ArrayList<>();

  /** Opens a new, empty ledger applying {@code policies}. */
  protected abstract Ledger openLedger(List<OperationPolicy> policies);

  /** Closes {@code ledger} and opens the same storage again applying {@code policies}. */
  protected abstract Ledger reopenLedger(Ledger ledger, List<OperationPolicy> policies);

  /** Operations each of 8 threads submits in the concurrency test; a slow backend may lower it. */
  protected int concurrentOpsPerThread() {
    return 200;
  }

  /** Opens a ledger the suite closes after the test. */
  protected final Ledger open(List<OperationPolicy> policies) {
    Ledger l = openLedger(policies);
    opened.add(l);
    return l;
  }

  /** Restarts a ledger; the suite closes the new instance after the test. */
  protected final Ledger reopen(Ledger ledger, List<OperationPolicy> policies) {
    Ledger l = reopenLedger(ledger, policies);
    opened.add(l);
    return l;
  }

  @AfterEach
  void closeAll() {
    for (Ledger l : opened) {
      l.close();
    }
    opened.clear();
  }

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
  void reopen_afterSubmissions_seesEverythingAndHeadsContinue() {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    List<Operation> before = List.of(s.next(), s.next(), s.next());
    ledger.submitAll(before);
    long height = ledger.height();
    Ledger again = reopen(ledger, List.of());
    assertThat(again.size()).isEqualTo(3);
    assertThat(again.height()).isEqualTo(height);
    assertThat(ids(again.stream(s.id()))).containsExactlyElementsOf(ids(before));
    assertThat(again.submit(before.get(1)).status()).isEqualTo(Admission.Status.DUPLICATE);
    assertRejected(again.submit(s.withPrev(before.get(1).id())), Rejection.Reason.BROKEN_CHAIN);
    Admission next = again.submit(s.next());
    assertThat(next.status()).isEqualTo(Admission.Status.ACCEPTED);
    assertThat(next.receipt().sequence()).isEqualTo(4);
  }

  @Test
  void submit_concurrentSubmitters_allAdmittedExactlyOnceInStreamOrder() throws Exception {
    Ledger ledger = open(List.of());
    int threads = 8;
    int perThread = concurrentOpsPerThread();
    List<List<Operation>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      TestStream chained = TestStream.create();
      List<Operation> ops = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        ops.add(i % 2 == 0 ? chained.next() : TestStream.create().next());
      }
      work.add(ops);
    }
    ConcurrentLinkedQueue<Admission> results = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (List<Operation> ops : work) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (Operation op : ops) {
                    results.add(ledger.submit(op));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    int total = threads * perThread;
    assertThat(results).hasSize(total).allMatch(a -> a.status() == Admission.Status.ACCEPTED);
    assertThat(ledger.size()).isEqualTo(total);
    List<LedgerEntry> all = readAll(ledger, 97);
    assertThat(all).hasSize(total);
    Set<OperationId> seen = new HashSet<>(ids(all));
    assertThat(seen).hasSize(total);
    for (List<Operation> ops : work) {
      String chainedStream = ops.get(0).stream();
      List<OperationId> expected = new ArrayList<>();
      for (int i = 0; i < ops.size(); i += 2) {
        expected.add(ops.get(i).id());
      }
      assertThat(ids(ledger.stream(chainedStream))).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void submit_sameOperationsFromConcurrentThreads_eachAdmittedOnce() throws Exception {
    Ledger ledger = open(List.of());
    TestStream s = TestStream.create();
    List<Operation> ops = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ops.add(s.next());
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<Admission>>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  List<Admission> out = new ArrayList<>();
                  for (Operation op : ops) {
                    out.add(ledger.submit(op));
                  }
                  return out;
                }));
      }
      for (int i = 0; i < ops.size(); i++) {
        int accepted = 0;
        Set<Receipt> receipts = new HashSet<>();
        for (Future<List<Admission>> f : done) {
          Admission a = f.get().get(i);
          assertThat(a.admitted()).isTrue();
          accepted += a.status() == Admission.Status.ACCEPTED ? 1 : 0;
          receipts.add(a.receipt());
        }
        assertThat(accepted).isEqualTo(1);
        assertThat(receipts).hasSize(1);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(ledger.size()).isEqualTo(ops.size());
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

  /** Reads the whole ledger through {@link Ledger#since} in pages of {@code page}. */
  protected static List<LedgerEntry> readAll(Ledger ledger, int page) {
    List<LedgerEntry> all = new ArrayList<>();
    long after = 0;
    while (true) {
      List<LedgerEntry> chunk = ledger.since(after, page);
      if (chunk.isEmpty()) {
        return all;
      }
      for (LedgerEntry e : chunk) {
        assertThat(e.receipt().sequence()).isEqualTo(after + 1);
        after = e.receipt().sequence();
      }
      all.addAll(chunk);
    }
  }

  private static void assertRejected(Admission a, Rejection.Reason reason) {
    assertThat(a.status()).isEqualTo(Admission.Status.REJECTED);
    assertThat(a.rejection().reason()).isEqualTo(reason);
  }

  private static List<OperationId> ids(List<?> entriesOrOps) {
    List<OperationId> out = new ArrayList<>();
    for (Object o : entriesOrOps) {
      out.add(o instanceof LedgerEntry e ? e.operation().id() : ((Operation) o).id());
    }
    return out;
  }
}
