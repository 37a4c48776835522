package io.mip.ledger.evm.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;

/**
 * The operations of one transaction, in queue order, with the call data and gas limit that carry
 * them: {@code append} when they share a stream, {@code appendBatch} otherwise.
 */
final class TxBatch {
  /** Most operations in one transaction. */
  static final int MAX_OPS = 256;

  /** Most operation bytes in one transaction, below common node limits on transaction size. */
  static final int MAX_BYTES = 96 * 1024;

  /** Gas limit cap, under EIP-7825's per-transaction limit of 2^24. */
  static final long GAS_CAP = 16_000_000L;

  private final List<Submission> submissions;

  TxBatch(List<Submission> submissions) {
    this.submissions = List.copyOf(submissions);
  }

  /**
   * Takes {@code first} and as many queued submissions after it as fit, in queue order, skipping
   * those whose outcome is already known and any queued twice (an operation put back while it was
   * also re-queued). Only the sender thread takes from the queue.
   */
  static TxBatch collect(Submission first, BlockingQueue<Submission> queue) {
    List<Submission> batch = new ArrayList<>();
    Set<Submission> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    int bytes = 0;
    Submission next = first;
    while (next != null) {
      if (!next.done() && taken.add(next)) {
        batch.add(next);
        bytes += next.bytes().length;
      }
      Submission peek = queue.peek();
      if (peek == null || batch.size() >= MAX_OPS || bytes + peek.bytes().length > MAX_BYTES) {
        break;
      }
      next = queue.poll();
    }
    return new TxBatch(batch);
  }

  List<Submission> submissions() {
    return submissions;
  }

  boolean isEmpty() {
    return submissions.isEmpty();
  }

  boolean allDone() {
    for (Submission s : submissions) {
      if (!s.done()) {
        return false;
      }
    }
    return true;
  }

  List<Submission> unfinished() {
    List<Submission> out = new ArrayList<>();
    for (Submission s : submissions) {
      if (!s.done()) {
        out.add(s);
      }
    }
    return out;
  }

  String callData() {
    List<byte[]> ops = new ArrayList<>(submissions.size());
    List<String> streams = new ArrayList<>(submissions.size());
    boolean oneStream = true;
    for (Submission s : submissions) {
      ops.add(s.bytes());
      streams.add(s.op().stream());
      oneStream &= s.op().stream().equals(streams.get(0));
    }
    return oneStream
        ? MipLedgerContract.append(streams.get(0), ops)
        : MipLedgerContract.appendBatch(streams, ops);
  }

  /**
   * A generous gas limit (gas is free here): per byte, the EIP-7623 calldata floor (40) plus log
   * data (8) and copying, with margin; per operation, the log and topic base costs; plus fixed
   * transaction and storage costs.
   */
  long gas() {
    long gas = 80_000;
    for (Submission s : submissions) {
      gas += 64L * (s.bytes().length + 128) + 8_000;
    }
    return Math.min(gas, GAS_CAP);
  }
}
