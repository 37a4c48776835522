package io.mip.credential.registry;

import java.util.Objects;

/**
 * The registry's answer for one issuer, credential type and issuance time.
 *
 * @param status the answer
 * @param detail a human-readable explanation
 */
public record AccreditationCheck(Status status, String detail) {
  /** The possible answers. */
  public enum Status {
    /** Accredited for the type when the credential was issued and still now. */
    ACCREDITED,
    /** Not accredited for the type at issuance time (never, or not yet). */
    NOT_ACCREDITED,
    /** Accredited at issuance time, withdrawn since. */
    WITHDRAWN
  }

  /** Validates the fields. */
  public AccreditationCheck {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  /** Returns whether the issuer passes. */
  public boolean accredited() {
    return status == Status.ACCREDITED;
  }
}
