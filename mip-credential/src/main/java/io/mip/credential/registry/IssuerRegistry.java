package io.mip.credential.registry;

import io.mip.ledger.Admission;
import io.mip.ledger.Ledger;
import io.mip.ledger.LedgerEntry;
import io.mip.ledger.OperationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The trusted-issuer registry read from a ledger: replays {@value RegistryOperations#STREAM} with
 * the ledger's governance key and caches the state until the stream's head changes. Thread-safe.
 */
public final class IssuerRegistry {
  private final Ledger ledger;
  private volatile Cached cached;

  private record Cached(Optional<OperationId> head, RegistryState state) {}

  /** Reads the registry from {@code ledger}. */
  public IssuerRegistry(Ledger ledger) {
    this.ledger = Objects.requireNonNull(ledger, "ledger");
  }

  /** Returns the current state (replayed again only when the stream has grown). */
  public RegistryState state() {
    Optional<OperationId> head =
        ledger.head(RegistryOperations.STREAM).map(e -> e.operation().id());
    Cached c = cached;
    if (c == null || !c.head().equals(head)) {
      c =
          new Cached(
              head,
              RegistryState.replay(
                  ledger.stream(RegistryOperations.STREAM), ledger.governanceKey()));
      cached = c;
    }
    return c.state();
  }

  /** Shorthand for {@code state().check(...)}. */
  public AccreditationCheck check(String issuer, String type, Instant issuedAt) {
    return state().check(issuer, type, issuedAt);
  }

  /** Returns the id of the stream's head, to chain the next registry operation. */
  public Optional<OperationId> head() {
    return ledger.head(RegistryOperations.STREAM).map(LedgerEntry::operation).map(o -> o.id());
  }

  /** Submits a registry operation (built with {@link RegistryOperations}). */
  public Admission submit(io.mip.ledger.Operation op) {
    return ledger.submit(op);
  }
}
