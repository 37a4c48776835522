package io.mip.ledger;

import io.mip.crypto.Ed25519PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * An ordered, append-only log of signed operations grouped into streams.
 *
 * <p>Guarantees every backend gives (checked by the conformance suite in this module's tests):
 *
 * <ul>
 *   <li>an admitted operation has a valid signature and its {@code prev} was the stream's head when
 *       it was admitted (no forks);
 *   <li>one total order: sequences start at 1 and have no gaps; a stream's operations appear in
 *       that order;
 *   <li>submitting an admitted operation again returns {@link Admission.Status#DUPLICATE} with the
 *       original receipt and stores nothing;
 *   <li>{@link #submit} returns only after the operation is durable (embedded: committed and
 *       synced; EVM: in a mined block);
 *   <li>what was admitted survives a restart.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface Ledger extends AutoCloseable {
  /** Submits one operation and waits until it is durable or refused. */
  Admission submit(Operation op);

  /**
   * Submits several operations in order and waits for all; each gets its own admission, and a later
   * one may build on an earlier one in the same call.
   */
  List<Admission> submitAll(List<Operation> ops);

  /** Returns the admitted operations of {@code streamId} in order (empty if unknown). */
  List<LedgerEntry> stream(String streamId);

  /** Returns an admitted operation by id. */
  Optional<LedgerEntry> find(OperationId id);

  /** Returns the last admitted operation of a stream. */
  Optional<LedgerEntry> head(String streamId);

  /** Returns admitted operations with sequence greater than {@code afterSequence}, in order. */
  List<LedgerEntry> since(long afterSequence, int limit);

  /** Returns the number of admitted operations (the highest sequence). */
  long size();

  /** Returns the height of the newest block. */
  long height();

  /** Returns a block by height. */
  Optional<Block> block(long height);

  /**
   * Returns the governance key fixed when this ledger was created (embedded: recorded in the
   * genesis block; EVM: in the deployment's configuration). It signs trusted-issuer accreditations
   * and other consortium-level operations.
   */
  Ed25519PublicKey governanceKey();

  /** Releases resources; pending submissions fail. */
  @Override
  void close();
}
