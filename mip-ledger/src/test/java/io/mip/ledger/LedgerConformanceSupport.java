package io.mip.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * Hooks, lifecycle and helpers of the ledger conformance suite; see {@link LedgerConformanceTest},
 * the class a backend's test extends.
 */
public abstract class LedgerConformanceSupport {
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

  /** Owns the streams named {@code owned:*}, which then take only {@code owned.*} operations. */
  protected static final OperationPolicy OWNER =
      new OperationPolicy() {
        @Override
        public boolean appliesTo(String type) {
          return type.startsWith("owned.");
        }

        @Override
        public boolean ownsStream(String streamId) {
          return streamId.startsWith("owned:");
        }

        @Override
        public Optional<Rejection> check(Operation op, StreamView stream) {
          return Optional.empty();
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

  /** Asserts a refusal for {@code reason}. */
  protected static void assertRejected(Admission a, Rejection.Reason reason) {
    assertThat(a.status()).isEqualTo(Admission.Status.REJECTED);
    assertThat(a.rejection().reason()).isEqualTo(reason);
  }

  /** The ids of operations or ledger entries, in order. */
  protected static List<OperationId> ids(List<?> entriesOrOps) {
    List<OperationId> out = new ArrayList<>();
    for (Object o : entriesOrOps) {
      out.add(o instanceof LedgerEntry e ? e.operation().id() : ((Operation) o).id());
    }
    return out;
  }
}
