package io.mip.credential.status;

import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.OperationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads status lists from a ledger (what a node serves at {@code GET /status-lists/...}): replays
 * the stream with signer checks and caches the result until the stream's head changes. Thread-safe.
 */
public final class StatusListReader {
  private final Ledger ledger;
  private final IssuerKeyCheck keys;
  private final ConcurrentHashMap<StatusListId, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(OperationId head, Optional<StatusList> list) {}

  /** Reads from {@code ledger}, checking signers with {@code keys}. */
  public StatusListReader(Ledger ledger, IssuerKeyCheck keys) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  /** Returns the list, empty if the stream holds no valid list. */
  public Optional<StatusList> read(StatusListId id) {
    Optional<OperationId> head = ledger.head(id.stream()).map(e -> e.operation().id());
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Cached c = cache.get(id);
    if (c == null || !c.head().equals(head.get())) {
      c = new Cached(head.get(), StatusListState.replay(ledger.stream(id.stream()), keys));
      cache.put(id, c);
    }
    return c.list();
  }

  /** Returns the raw operations of the list, for verifiers that check signatures themselves. */
  public List<LedgerEntry> operations(StatusListId id) {
    return ledger.stream(id.stream());
  }
}
