package io.mip.wallet.passport;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a passport operation: a value, or a {@link PassportFailure} saying why not (the
 * Besu {@code ValidationResult} pattern: expected failures are values, not exceptions).
 *
 * @param <T> the type of the value on success
 */
public final class PassportResult<T> {
  private final T value;
  private final PassportFailure failure;

  private PassportResult(T value, PassportFailure failure) {
    this.value = value;
    this.failure = failure;
  }

  /** A success. */
  public static <T> PassportResult<T> ok(T value) {
    return new PassportResult<>(Objects.requireNonNull(value, "value"), null);
  }

  /** A refusal. */
  public static <T> PassportResult<T> refused(PassportFailure failure) {
    return new PassportResult<>(null, Objects.requireNonNull(failure, "failure"));
  }

  /** A refusal built from a reason and a detail. */
  public static <T> PassportResult<T> refused(PassportFailure.Reason reason, String detail) {
    return refused(PassportFailure.of(reason, detail));
  }

  /** Whether the operation succeeded. */
  public boolean isOk() {
    return failure == null;
  }

  /**
   * Returns the value.
   *
   * @throws IllegalStateException if the operation was refused
   */
  public T value() {
    if (failure != null) {
      throw new IllegalStateException("refused: " + failure.reason() + ": " + failure.detail());
    }
    return value;
  }

  /** Returns the failure, or empty on success. */
  public Optional<PassportFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /** Returns the failure reason, or empty on success. */
  public Optional<PassportFailure.Reason> reason() {
    return failure().map(PassportFailure::reason);
  }

  /** Re-types a refusal (for passing it on from a step to its caller). */
  <U> PassportResult<U> cast() {
    if (failure == null) {
      throw new IllegalStateException("only a refusal can be passed on");
    }
    return refused(failure);
  }

  @Override
  public String toString() {
    return failure == null ? "PassportResult[ok]" : "PassportResult[" + failure.reason() + "]";
  }
}
