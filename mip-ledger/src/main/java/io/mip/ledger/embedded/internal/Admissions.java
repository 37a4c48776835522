package io.mip.ledger.embedded.internal;

import io.mip.ledger.Admission;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Policies;
import io.mip.ledger.Receipt;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writer's admission rules, applied in order: signature, stream chain ({@code prev} must be the
 * head, counting operations admitted earlier in the same batch), exact duplicate (only looked up
 * when the chain check fails, since an admitted operation's {@code prev} is never the head again),
 * then the policies through {@link Policies#check} (stream ownership, then each policy that applies
 * to the type).
 */
final class Admissions {
  private final Connection conn;
  private final List<OperationPolicy> policies;
  private final Map<String, OperationId> heads;

  Admissions(Connection conn, List<OperationPolicy> policies, Map<String, OperationId> heads) {
    this.conn = conn;
    this.policies = policies;
    this.heads = heads;
  }

  Batch newBatch(long size, long height, Instant time) {
    return new Batch(size, height, time);
  }

  /** The checks of one batch; what it admits is not visible to others until committed. */
  final class Batch {
    private final long size;
    private final long height;
    private final Instant time;
    private final List<Operation> admitted = new ArrayList<>();
    private final Map<String, OperationId> newHeads = new HashMap<>();
    private final Map<OperationId, Receipt> receipts = new HashMap<>();
    private final Map<String, List<Operation>> streamOps = new HashMap<>();

    private Batch(long size, long height, Instant time) {
      this.size = size;
      this.height = height;
      this.time = time;
    }

    List<Operation> admitted() {
      return admitted;
    }

    Map<String, OperationId> newHeads() {
      return newHeads;
    }

    Admission check(Operation op, boolean signatureValid) {
      if (!signatureValid) {
        return Admission.rejected(
            Rejection.of(Rejection.Reason.BAD_SIGNATURE, "signature does not verify for signer"));
      }
      String stream = op.stream();
      OperationId head = newHeads.containsKey(stream) ? newHeads.get(stream) : heads.get(stream);
      OperationId prev = op.prev().orElse(null);
      if (prev == null ? head != null : !prev.equals(head)) {
        Optional<Receipt> original = original(op.id());
        if (original.isPresent()) {
          return Admission.duplicate(original.get());
        }
        return Admission.rejected(
            Rejection.of(
                Rejection.Reason.BROKEN_CHAIN,
                "prev "
                    + (prev == null ? "null" : prev.value())
                    + " is not the head "
                    + (head == null ? "null (new stream)" : head.value())
                    + " of stream "
                    + stream));
      }
      Optional<Rejection> refused = Policies.check(policies, op, () -> view(stream));
      if (refused.isPresent()) {
        return Admission.rejected(refused.get());
      }
      Receipt receipt = new Receipt(op.id(), size + admitted.size() + 1, height, time);
      admitted.add(op);
      newHeads.put(stream, op.id());
      receipts.put(op.id(), receipt);
      streamOps.computeIfAbsent(stream, k -> new ArrayList<>()).add(op);
      return Admission.accepted(receipt);
    }

    private Optional<Receipt> original(OperationId id) {
      Receipt inBatch = receipts.get(id);
      if (inBatch != null) {
        return Optional.of(inBatch);
      }
      try {
        return Reads.receipt(conn, id);
      } catch (SQLException e) {
        throw new LedgerException("duplicate lookup failed: " + e.getMessage(), e);
      }
    }

    private StreamView view(String stream) {
      List<Operation> pending = streamOps.getOrDefault(stream, List.of());
      boolean known = heads.containsKey(stream);
      return new StreamView() {
        private List<Operation> ops;

        @Override
        public String streamId() {
          return stream;
        }

        @Override
        public List<Operation> operations() {
          if (ops == null) {
            List<Operation> all = new ArrayList<>();
            if (known) {
              try {
                for (LedgerEntry e : Reads.stream(conn, stream)) {
                  all.add(e.operation());
                }
              } catch (SQLException e) {
                throw new LedgerException("stream read failed: " + e.getMessage(), e);
              }
            }
            all.addAll(pending);
            ops = List.copyOf(all);
          }
          return ops;
        }
      };
    }
  }
}
