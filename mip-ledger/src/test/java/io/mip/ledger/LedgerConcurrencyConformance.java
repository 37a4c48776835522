package io.mip.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The concurrency and restart part of the ledger conformance suite; see {@link
 * LedgerConformanceTest}, the class a backend's test extends.
 */
public abstract class LedgerConcurrencyConformance extends LedgerConformanceSupport {
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
}
