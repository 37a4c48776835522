package io.mip.ledger.evm.internal;

import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The ledger's state behind one lock: the verified state the reader builds, and this node's
 * operations on their way to the chain. Submissions are checked against both; the reader's verdicts
 * complete the submitters' futures. Thread-safe.
 */
public final class LedgerCore implements LogFollower.Sink {
  private final Object lock = new Object();
  private final VerifiedState state;
  private final PendingOps pending = new PendingOps();
  private volatile long appliedHeight;

  /** Creates an empty core applying {@code policies}. */
  public LedgerCore(List<OperationPolicy> policies) {
    this.state = new VerifiedState(policies);
  }

  /**
   * Checks each operation in order against the verified state plus the pending ones (so a later
   * operation may build on an earlier one) and queues those that pass on {@code sender}. Returns
   * one future per operation: completed at once when refused or already admitted, else when the
   * reader replays it.
   *
   * @param signatureValid whether each operation's signature verifies (checked by the caller,
   *     outside the lock)
   */
  public List<CompletableFuture<Admission>> admit(
      List<Operation> ops, boolean[] signatureValid, Submitter sender) {
    List<CompletableFuture<Admission>> out = new ArrayList<>(ops.size());
    synchronized (lock) {
      for (int i = 0; i < ops.size(); i++) {
        out.add(admit(ops.get(i), signatureValid[i], sender));
      }
    }
    return out;
  }

  private CompletableFuture<Admission> admit(Operation op, boolean valid, Submitter sender) {
    Optional<LedgerEntry> existing = state.find(op.id());
    if (existing.isPresent()) {
      return CompletableFuture.completedFuture(Admission.duplicate(existing.get().receipt()));
    }
    Submission onItsWay = pending.get(op.id());
    if (onItsWay != null) {
      return onItsWay
          .result()
          .thenApply(
              a -> a.status() == Admission.Status.ACCEPTED ? Admission.duplicate(a.receipt()) : a);
    }
    Admission check = state.check(op, valid, pending.ofStream(op.stream()));
    if (check.status() != Admission.Status.ACCEPTED) {
      return CompletableFuture.completedFuture(check);
    }
    Submission s = new Submission(op);
    sender.enqueue(s);
    pending.add(s);
    return s.result();
  }

  @Override
  public void apply(ChainBlock block, List<LogFollower.Replayed> ops) {
    synchronized (lock) {
      appliedHeight = Math.max(appliedHeight, block.number());
      for (LogFollower.Replayed r : ops) {
        Admission verdict = state.apply(r.op(), r.signatureValid(), block);
        Submission s = pending.remove(r.op().id());
        if (s != null) {
          s.result().complete(verdict);
        }
      }
    }
  }

  @Override
  public boolean signatureKnownValid(OperationId id) {
    synchronized (lock) {
      return pending.get(id) != null;
    }
  }

  /** Removes submissions from the pending set and fails their futures with {@code cause}. */
  public void fail(List<Submission> submissions, LedgerException cause) {
    synchronized (lock) {
      for (Submission s : submissions) {
        pending.remove(s.op().id());
        s.result().completeExceptionally(cause);
      }
    }
  }

  /** Fails every pending submission. */
  public void failAll(LedgerException cause) {
    synchronized (lock) {
      fail(pending.all(), cause);
    }
  }

  /** The highest chain block whose operations have been applied. */
  public long appliedHeight() {
    return appliedHeight;
  }

  /** See {@link VerifiedState#stream}. */
  public List<LedgerEntry> stream(String streamId) {
    synchronized (lock) {
      return state.stream(streamId);
    }
  }

  /** See {@link VerifiedState#find}. */
  public Optional<LedgerEntry> find(OperationId id) {
    synchronized (lock) {
      return state.find(id);
    }
  }

  /** See {@link VerifiedState#head}. */
  public Optional<LedgerEntry> head(String streamId) {
    synchronized (lock) {
      return state.head(streamId);
    }
  }

  /** See {@link VerifiedState#since}. */
  public List<LedgerEntry> since(long afterSequence, int limit) {
    synchronized (lock) {
      return state.since(afterSequence, limit);
    }
  }

  /** See {@link VerifiedState#size}. */
  public long size() {
    synchronized (lock) {
      return state.size();
    }
  }

  /** See {@link VerifiedState#block}. */
  public Optional<Block> block(long height) {
    synchronized (lock) {
      return state.block(height);
    }
  }
}
