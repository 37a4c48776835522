package io.mip.did.mip;

import io.mip.did.mip.internal.ChainCache;
import io.mip.did.mip.internal.DidMipIds;
import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.Optional;

/**
 * Ledger admission rules for did:mip operations (types {@code did.*}); docs/did-method.md,
 * "Verification rules". Resolution replays streams with the same rules, so a DID resolves to the
 * same state on a backend that did not run this policy.
 *
 * <p>Refuses, with {@link Rejection#policy} and these stable codes:
 *
 * <ul>
 *   <li>{@value #DID_MISMATCH}: a create whose stream is not the DID its payload derives;
 *   <li>{@value #UNAUTHORIZED_SIGNER}: a create not signed by its own signingKey, an update or
 *       deactivate not signed by the signing key in force before it;
 *   <li>{@value #DID_DEACTIVATED}: any operation after a deactivation;
 *   <li>{@value #INVALID_DID_PAYLOAD}: a payload that is not exactly the method's shape, a create
 *       with a prev, an unknown {@code did.*} type;
 *   <li>{@value #NOT_FOUND}: an update or deactivate of a DID that was never created;
 *   <li>{@value #TOO_MANY_OPERATIONS}: more than {@link #MAX_OPERATIONS} operations on one DID.
 * </ul>
 *
 * <p>The replayed state of recently used DIDs is cached, so checking the n-th operation of a DID
 * verifies one new signature rather than n. Thread-safe.
 *
 * <p>A create on an existing DID, or a {@code prev} that is not the stream head, is refused as
 * {@code broken-chain} (normally by the ledger before this policy runs).
 */
public final class DidMipPolicy implements OperationPolicy {
  /** The create's stream is not the DID derived from its payload. */
  public static final String DID_MISMATCH = "did-mismatch";

  /** The operation is not signed by the key that controls the DID. */
  public static final String UNAUTHORIZED_SIGNER = "unauthorized-signer";

  /** The DID is deactivated. */
  public static final String DID_DEACTIVATED = "did-deactivated";

  /** The payload or operation shape is not what the method defines. */
  public static final String INVALID_DID_PAYLOAD = "invalid-did-payload";

  /** The DID does not exist. */
  public static final String NOT_FOUND = "not-found";

  /** The DID has reached {@link #MAX_OPERATIONS}. */
  public static final String TOO_MANY_OPERATIONS = "too-many-operations";

  /** Most operations one DID may have (bounds the cost of resolving it). */
  public static final int MAX_OPERATIONS = 1000;

  private final ChainCache cache = new ChainCache(1024);

  @Override
  public boolean appliesTo(String type) {
    return type.startsWith("did.");
  }

  /** A {@code did:mip:} stream takes only {@code did.*} operations. */
  @Override
  public boolean ownsStream(String streamId) {
    return streamId.startsWith(DidMipIds.PREFIX);
  }

  @Override
  public Optional<Rejection> check(Operation op, StreamView stream) {
    return cache.check(op, stream.operations());
  }
}
