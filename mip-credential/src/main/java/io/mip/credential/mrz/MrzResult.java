package io.mip.credential.mrz;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing an MRZ: the validated {@link Mrz} or a {@link Reason} with a detail naming
 * the field (never its value).
 *
 * @param mrz the data, or null on failure
 * @param reason the failure reason, or null on success
 * @param detail what failed, or "ok"
 */
public record MrzResult(Mrz mrz, Reason reason, String detail) {
  /** Why an MRZ was refused. */
  public enum Reason {
    /** Wrong number of lines or line length for TD3 and TD1. */
    BAD_LENGTH,
    /** A character outside A-Z, 0-9 and '<', or a field of the wrong form. */
    BAD_CHARACTERS,
    /** Unknown document code for the layout. */
    BAD_DOCUMENT_CODE,
    /** A check digit (field or composite) does not match; detail names which. */
    BAD_CHECK_DIGIT,
    /** A date field is not a calendar date. */
    BAD_DATE,
    /** The sex field is not M, F or '<'. */
    BAD_SEX,
    /** The nationality or issuing state is not three letters (with fillers). */
    BAD_NATIONALITY,
    /** The name field has no primary identifier. */
    BAD_NAME,
    /** The document expired before the given date. */
    DOCUMENT_EXPIRED
  }

  /** Validates that exactly one of mrz and reason is present. */
  public MrzResult {
    Objects.requireNonNull(detail, "detail");
    if ((mrz == null) == (reason == null)) {
      throw new IllegalArgumentException("exactly one of mrz and reason");
    }
  }

  static MrzResult ok(Mrz mrz) {
    return new MrzResult(mrz, null, "ok");
  }

  static MrzResult fail(Reason reason, String detail) {
    return new MrzResult(null, reason, detail);
  }

  /** Returns whether the MRZ is valid. */
  public boolean isValid() {
    return mrz != null;
  }

  /** Returns the failure reason, empty on success. */
  public Optional<Reason> failure() {
    return Optional.ofNullable(reason);
  }
}
