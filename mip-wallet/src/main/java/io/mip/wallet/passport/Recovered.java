package io.mip.wallet.passport;

import io.mip.wallet.recovery.GuardianSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A passport restored by its guardians: the new session (fresh seed, next epoch, keys rotated on
 * the ledger) and, when re-sharing was asked for, the new guardian split to deliver.
 *
 * @param enrolled the new session and the liveness decisions of the new face captures
 * @param guardians the new split, or {@code null} when re-sharing was not asked for
 */
public record Recovered(Enrolled enrolled, GuardianSet guardians) {
  /** Validates the fields. */
  public Recovered {
    Objects.requireNonNull(enrolled, "enrolled");
  }

  /** Returns the new session. */
  public PassportSession session() {
    return enrolled.session();
  }

  /** Returns the new guardian split, if re-sharing was asked for. */
  public Optional<GuardianSet> guardianSet() {
    return Optional.ofNullable(guardians);
  }
}
