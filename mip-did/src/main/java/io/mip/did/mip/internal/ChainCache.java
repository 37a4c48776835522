package io.mip.did.mip.internal;

import io.mip.did.ResolutionOptions;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationId;
import io.mip.ledger.Rejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Replayed chains of recently used DIDs, extended with only the operations appended since they were
 * built; so admitting or resolving the n-th operation of a DID verifies one signature, not n.
 *
 * <p>A cached chain is reused only if the stream still holds, at the same position, the last
 * operation the chain consumed; since every operation commits to its {@code prev}, that fixes the
 * whole prefix. Otherwise the chain is rebuilt from the start. Thread-safe: the map has one short
 * lock, each DID's chain its own, so a long replay of one DID does not hold up the others. Bounded
 * to {@code capacity} DIDs, least recently used first out.
 */
public final class ChainCache {
  private final Map<String, Slot> slots;

  /** One DID's chain, replaced when the stream no longer extends it. */
  private static final class Slot {
    private DidMipChain chain;

    private Slot(DidMipChain chain) {
      this.chain = chain;
    }
  }

  /** A cache of at most {@code capacity} chains. */
  public ChainCache(int capacity) {
    this.slots =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Checks {@code op} as the next operation after {@code stream} (admission). */
  public Optional<Rejection> check(Operation op, List<Operation> stream) {
    Slot slot = slot(op.stream());
    synchronized (slot) {
      DidMipChain chain = extendable(slot, op.stream(), stream, Function.identity());
      for (int i = chain.consumed(); i < stream.size(); i++) {
        chain.append(stream.get(i));
      }
      return chain.check(op);
    }
  }

  /** Replays {@code entries} of {@code did} and selects the version {@code options} ask for. */
  public DidMipChain.Selection select(
      String did, List<LedgerEntry> entries, ResolutionOptions options) {
    Slot slot = slot(did);
    synchronized (slot) {
      DidMipChain chain = extendable(slot, did, entries, LedgerEntry::operation);
      for (int i = chain.consumed(); i < entries.size(); i++) {
        chain.append(entries.get(i));
      }
      return chain.select(options);
    }
  }

  private Slot slot(String did) {
    synchronized (slots) {
      return slots.computeIfAbsent(did, d -> new Slot(DidMipChain.start(d)));
    }
  }

  private static <T> DidMipChain extendable(
      Slot slot, String did, List<T> items, Function<T, Operation> op) {
    if (!isPrefix(slot.chain, items, op)) {
      slot.chain = DidMipChain.start(did);
    }
    return slot.chain;
  }

  private static <T> boolean isPrefix(DidMipChain chain, List<T> items, Function<T, Operation> op) {
    int n = chain.consumed();
    if (n > items.size()) {
      return false;
    }
    Optional<OperationId> last = chain.lastSeen();
    return n == 0 || last.map(id -> op.apply(items.get(n - 1)).id().equals(id)).orElse(false);
  }
}
