package io.mip.ledger.evm.internal;

import io.mip.ledger.Admission;
import io.mip.ledger.Block;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.LedgerException;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's state behind one lock: the verified state the reader builds, and this node's
 * operations on their way to the chain. Submissions are checked against both; the reader's verdicts
 * complete the submitters' futures. Thread-safe.
 *
 * <p>When the reader rolls back a reorganised chain suffix, this node's own operations in it (those
 * replayed from blocks the reader may still roll back) go back on their way: into the pending set
 * and the sender's queue, at their original place in submission order, so they are written again.
 * Operations of other nodes are their writers' to re-send. An own operation that reaches the chain
 * before an own predecessor it chains on (possible when operations are re-sent) is not refused but
 * sent again after it.
 */
public final class LedgerCore implements LogFollower.Sink {
  private static final Logger LOG = LoggerFactory.getLogger(LedgerCore.class);

  private final Object lock = new Object();
  private final VerifiedState state;
  private final PendingOps pending = new PendingOps();
  private final Map<OperationId, Long> ownOrder = new HashMap<>();
  private final ArrayDeque<OwnApplied> ownApplied = new ArrayDeque<>();
  private Submitter sender;
  private long nextOrder;
  private volatile long appliedHeight;

  private record OwnApplied(long block, OperationId id) {}

  /** Creates an empty core applying {@code policies}. */
  public LedgerCore(List<OperationPolicy> policies) {
    this.state = new VerifiedState(policies);
  }

  /** Sets the sender that writes this node's operations (none: read-only). Call before use. */
  public void attach(Submitter sender) {
    synchronized (lock) {
      this.sender = sender;
    }
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
  public List<CompletableFuture<Admission>> admit(List<Operation> ops, boolean[] signatureValid) {
    List<CompletableFuture<Admission>> out = new ArrayList<>(ops.size());
    synchronized (lock) {
      for (int i = 0; i < ops.size(); i++) {
        out.add(admit(ops.get(i), signatureValid[i]));
      }
    }
    return out;
  }

  private CompletableFuture<Admission> admit(Operation op, boolean valid) {
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
    Submission s = new Submission(op, nextOrder++);
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
        Submission s = pending.get(r.op().id());
        if (s == null) {
          continue;
        }
        if (waitsForOwnPredecessor(r.op(), verdict)) {
          // re-sent out of order: it will verify once its predecessor is on the chain
          sender.enqueue(s);
          continue;
        }
        pending.remove(r.op().id());
        s.result().complete(verdict);
        if (verdict.status() == Admission.Status.ACCEPTED) {
          ownOrder.put(r.op().id(), s.order());
          ownApplied.addLast(new OwnApplied(block.number(), r.op().id()));
        }
      }
    }
  }

  private boolean waitsForOwnPredecessor(Operation op, Admission verdict) {
    return verdict.status() == Admission.Status.REJECTED
        && verdict.rejection().reason() == Rejection.Reason.BROKEN_CHAIN
        && op.prev().map(p -> pending.get(p) != null).orElse(false)
        && sender != null;
  }

  @Override
  public void rollback(long toBlock) {
    synchronized (lock) {
      appliedHeight = Math.min(appliedHeight, toBlock);
      int resent = 0;
      List<LedgerEntry> removed = state.truncate(toBlock);
      for (LedgerEntry e : removed) {
        Long order = ownOrder.remove(e.operation().id());
        if (order != null && sender != null) {
          Submission s = new Submission(e.operation(), order);
          pending.add(s);
          sender.enqueue(s);
          resent++;
        }
      }
      while (!ownApplied.isEmpty() && ownApplied.peekLast().block() > toBlock) {
        ownApplied.removeLast();
      }
      if (!removed.isEmpty()) {
        LOG.warn(
            "EVM ledger: rolled back {} operations above block {}; re-sending {} of this node's",
            removed.size(),
            toBlock,
            resent);
      }
    }
  }

  @Override
  public void settled(long block) {
    synchronized (lock) {
      while (!ownApplied.isEmpty() && ownApplied.peekFirst().block() <= block) {
        ownOrder.remove(ownApplied.removeFirst().id());
      }
    }
  }

  @Override
  public void chainRepaired() {
    Submitter s;
    synchronized (lock) {
      s = sender;
    }
    if (s != null) {
      s.resyncSoon();
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
