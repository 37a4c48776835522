package io.mip.ledger.evm.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blocks at which the reader finished a verified range: block number, block hash and the last
 * contract sequence number replayed up to there, newest last. A reorganisation is repaired by
 * rolling back to the newest checkpoint whose block is still on the chain ({@link #forkPoint}) and
 * reading again from the block after it. Keeps the newest {@link #MAX}; blocks below the oldest
 * kept one can no longer be rolled back individually (a deeper reorganisation makes the reader
 * replay from its first block). Not thread-safe; used by the reader under its lock.
 */
final class Checkpoints {
  /** Checkpoints kept (one per range read, so at least this many polls with new blocks). */
  static final int MAX = 4_096;

  /**
   * One verified range end.
   *
   * @param number the block number
   * @param hash the block hash, 0x-prefixed hex
   * @param lastSeq the last contract sequence number replayed up to this block, -1 when none
   */
  record Checkpoint(long number, String hash, long lastSeq) {}

  /** The chain's hash of block {@code number} (at most the head). */
  interface HashLookup {
    String hashAt(long number) throws IOException;
  }

  private final ArrayDeque<Checkpoint> list = new ArrayDeque<>();

  /** Adds the newest checkpoint; returns the one dropped to stay within {@link #MAX}, or null. */
  Checkpoint add(Checkpoint c) {
    list.addLast(c);
    return list.size() > MAX ? list.removeFirst() : null;
  }

  /** The newest checkpoint, or null when none. */
  Checkpoint last() {
    return list.peekLast();
  }

  /** Forgets every checkpoint. */
  void clear() {
    list.clear();
  }

  /** Forgets checkpoints above block {@code number}. */
  void dropAbove(long number) {
    while (!list.isEmpty() && list.peekLast().number() > number) {
      list.removeLast();
    }
  }

  /**
   * The newest checkpoint whose block is still on the chain, whose head is block {@code head};
   * empty when none is (the reorganisation is deeper than the checkpoints kept). A binary search: a
   * block on the chain has all its ancestors on it.
   */
  Optional<Checkpoint> forkPoint(long head, HashLookup chain) throws IOException {
    List<Checkpoint> cps = new ArrayList<>(list);
    int lo = 0;
    int hi = cps.size() - 1;
    Checkpoint found = null;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      Checkpoint c = cps.get(mid);
      if (c.number() <= head && c.hash().equals(chain.hashAt(c.number()))) {
        found = c;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return Optional.ofNullable(found);
  }
}
