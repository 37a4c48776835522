package io.mip.profile.service;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value or a {@link ProfileRefusal}: how the profile service and its clients return expected
 * outcomes.
 *
 * @param <T> the value type
 */
public final class ProfileResult<T> {
  private final T value;
  private final ProfileRefusal refusal;

  private ProfileResult(T value, ProfileRefusal refusal) {
    this.value = value;
    this.refusal = refusal;
  }

  /** A success. */
  public static <T> ProfileResult<T> ok(T value) {
    return new ProfileResult<>(Objects.requireNonNull(value, "value"), null);
  }

  /** A refusal. */
  public static <T> ProfileResult<T> refused(ProfileRefusal refusal) {
    return new ProfileResult<>(null, Objects.requireNonNull(refusal, "refusal"));
  }

  /** A refusal for {@code reason}. */
  public static <T> ProfileResult<T> refused(ProfileRefusal.Reason reason, String detail) {
    return refused(ProfileRefusal.of(reason, detail));
  }

  /** Returns whether this is a success. */
  public boolean isOk() {
    return refusal == null;
  }

  /**
   * Returns the value.
   *
   * @throws IllegalStateException if refused
   */
  public T value() {
    if (refusal != null) {
      throw new IllegalStateException("refused: " + refusal.code() + ": " + refusal.detail());
    }
    return value;
  }

  /**
   * Returns the refusal.
   *
   * @throws IllegalStateException if this is a success
   */
  public ProfileRefusal refusal() {
    if (refusal == null) {
      throw new IllegalStateException("not refused");
    }
    return refusal;
  }

  /** Maps the value, keeping a refusal. */
  public <U> ProfileResult<U> map(Function<T, U> f) {
    return refusal == null ? ok(f.apply(value)) : refused(refusal);
  }

  @Override
  public String toString() {
    return refusal == null ? "ok" : "refused[" + refusal.code() + "]";
  }
}
