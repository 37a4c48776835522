package io.mip.profile.consent;

import io.mip.ledger.OperationId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant as the node holds it: the document, the ledger operation that granted it, and whether and
 * when it ended (revoked by the person, or ended because the profile was erased).
 *
 * @param grant the grant document
 * @param grantOperation the admitted {@code consent.grant} operation
 * @param endedAt when the grant was revoked or ended
 * @param revokeOperation the admitted {@code consent.revoke}, when revoked by the person
 */
public record StoredGrant(
    ConsentGrant grant,
    OperationId grantOperation,
    Optional<Instant> endedAt,
    Optional<OperationId> revokeOperation) {
  /** The state of a grant at a moment. */
  public enum Status {
    /** In force: not ended, not expired. */
    LIVE,
    /** Revoked or ended. */
    REVOKED,
    /** Past its {@code until}. */
    EXPIRED
  }

  /** Checks nulls. */
  public StoredGrant {
    Objects.requireNonNull(grant, "grant");
    Objects.requireNonNull(grantOperation, "grantOperation");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(revokeOperation, "revokeOperation");
  }

  /** Returns the grant id. */
  public String id() {
    return grant.id();
  }

  /** Returns the grant's status at {@code now}. */
  public Status status(Instant now) {
    if (endedAt.isPresent() && !now.isBefore(endedAt.get())) {
      return Status.REVOKED;
    }
    return grant.inForce(now) ? Status.LIVE : Status.EXPIRED;
  }
}
