package io.mip.credential.status;

import io.mip.ledger.Operation;
import io.mip.ledger.OperationPolicy;
import io.mip.ledger.Rejection;
import io.mip.ledger.StreamView;
import java.util.Objects;
import java.util.Optional;

/**
 * Admission rules for {@code status.*} operations. Codes: {@code invalid-status-stream} (stream is
 * not {@code status:<did>:<list>}), {@code not-issuer-key} (signer is not the issuer's current
 * assertion key), {@code status-list-exists} ({@code status.create} on a non-empty stream), {@code
 * no-status-list} ({@code status.set} before a create), {@code invalid-status-payload}. {@link
 * StatusListState#replay} applies the same rules when reading.
 */
public final class StatusListPolicy implements OperationPolicy {
  private final IssuerKeyCheck keys;

  /** Checks signers with {@code keys}. */
  public StatusListPolicy(IssuerKeyCheck keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public boolean appliesTo(String type) {
    return type.startsWith("status.");
  }

  /** A {@code status:} stream takes only {@code status.*} operations. */
  @Override
  public boolean ownsStream(String streamId) {
    return streamId.startsWith(StatusListId.STREAM_PREFIX);
  }

  @Override
  public Optional<Rejection> check(Operation op, StreamView stream) {
    StatusListId id;
    try {
      id = StatusListId.fromStream(op.stream());
    } catch (IllegalArgumentException e) {
      return reject("invalid-status-stream", "stream must be status:<did>:<list-id>");
    }
    if (!keys.isIssuerKey(id.issuerDid(), op.signer(), null)) {
      return reject("not-issuer-key", "signer is not the issuer's current signing key");
    }
    if (StatusListOperations.CREATE.equals(op.type())) {
      if (!stream.operations().isEmpty()) {
        return reject("status-list-exists", "the list was already created");
      }
      return StatusListOperations.parseCreate(op.payload()).isPresent()
          ? Optional.empty()
          : reject("invalid-status-payload", "malformed status.create");
    }
    if (!StatusListOperations.SET.equals(op.type())) {
      return reject("invalid-status-payload", "unknown status operation " + op.type());
    }
    Optional<StatusList> current = StatusListState.replayOperations(stream.operations());
    if (current.isEmpty()) {
      return reject("no-status-list", "status.set before status.create");
    }
    return StatusListOperations.parseSet(op.payload(), current.get()).isPresent()
        ? Optional.empty()
        : reject("invalid-status-payload", "malformed status.set");
  }

  private static Optional<Rejection> reject(String code, String detail) {
    return Optional.of(Rejection.policy(code, detail));
  }
}
