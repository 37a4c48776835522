package io.mip.ledger;

import java.util.Optional;

/**
 * Domain rules a ledger applies before admitting an operation, after it has checked the signature
 * and the stream chain itself. A DID method, for example, refuses an update signed by a key that
 * does not control the DID.
 *
 * <p>Policies are admission control only: readers re-apply the same rules when they replay a
 * stream, so a backend that cannot run them (another organisation's node on a shared chain) still
 * yields the same state.
 */
public interface OperationPolicy {
  /** Returns whether this policy governs operations of {@code type}. */
  boolean appliesTo(String type);

  /**
   * Returns whether this policy owns the stream named {@code streamId}: a stream it owns takes only
   * operations of the types it {@linkplain #appliesTo applies to}, so no other operation can move
   * its head (a {@code did:mip:} stream takes only {@code did.*} operations). Owns nothing unless
   * overridden.
   */
  default boolean ownsStream(String streamId) {
    return false;
  }

  /**
   * Checks {@code op} against its stream as it stands. Returns a rejection or empty to admit. Must
   * not block or do I/O beyond reading {@code stream}.
   */
  Optional<Rejection> check(Operation op, StreamView stream);
}
