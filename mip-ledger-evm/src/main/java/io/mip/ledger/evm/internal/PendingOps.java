package io.mip.ledger.evm.internal;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations this node has accepted for writing that the reader has not yet replayed, by id and by
 * stream in submission order. A new operation is checked against the verified state plus these, so
 * a caller may build on an operation that is still on its way to the chain. Not thread-safe; the
 * ledger guards it with its lock.
 */
final class PendingOps {
  private final Map<OperationId, Submission> byId = new HashMap<>();
  private final Map<String, List<Submission>> byStream = new HashMap<>();

  /**
   * Adds a submission at its place in submission order within its stream (at the end for a new one;
   * earlier for an operation put back after a reorganisation).
   */
  public void add(Submission s) {
    byId.put(s.op().id(), s);
    List<Submission> subs = byStream.computeIfAbsent(s.op().stream(), k -> new ArrayList<>());
    int i = subs.size();
    while (i > 0 && subs.get(i - 1).order() > s.order()) {
      i--;
    }
    subs.add(i, s);
  }

  /** The pending submission of an operation, or null. */
  public Submission get(OperationId id) {
    return byId.get(id);
  }

  /** Removes and returns the pending submission of an operation, or null. */
  public Submission remove(OperationId id) {
    Submission s = byId.remove(id);
    if (s != null) {
      List<Submission> ops = byStream.get(s.op().stream());
      ops.remove(s);
      if (ops.isEmpty()) {
        byStream.remove(s.op().stream());
      }
    }
    return s;
  }

  /** The pending operations of a stream, in submission order (a copy). */
  public List<Operation> ofStream(String stream) {
    List<Submission> subs = byStream.get(stream);
    if (subs == null) {
      return List.of();
    }
    List<Operation> ops = new ArrayList<>(subs.size());
    for (Submission s : subs) {
      ops.add(s.op());
    }
    return ops;
  }

  /** All pending submissions (a copy). */
  public List<Submission> all() {
    return List.copyOf(byId.values());
  }

  /** The number of pending operations. */
  public int size() {
    return byId.size();
  }
}
