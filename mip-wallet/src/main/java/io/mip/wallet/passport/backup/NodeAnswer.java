package io.mip.wallet.passport.backup;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * A node's answer to a backup request: a value, or the node's refusal (an RFC 9457 problem).
 *
 * @param <T> the value's type
 */
public final class NodeAnswer<T> {
  /** The status a malformed success answer is reported with. */
  public static final int MALFORMED_ANSWER = 502;

  /**
   * A refusal.
   *
   * @param status the HTTP status
   * @param code the problem type's last segment (stable), e.g. {@code restore-locked}
   * @param detail the node's explanation
   * @param retryAfter the {@code Retry-After} delay, or zero
   */
  public record Refusal(int status, String code, String detail, Duration retryAfter) {
    /** Checks nulls. */
    public Refusal {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }
  }

  private final T value;
  private final Refusal refusal;

  private NodeAnswer(T value, Refusal refusal) {
    this.value = value;
    this.refusal = refusal;
  }

  /** A value. */
  public static <T> NodeAnswer<T> ok(T value) {
    return new NodeAnswer<>(Objects.requireNonNull(value, "value"), null);
  }

  /** A refusal. */
  public static <T> NodeAnswer<T> refused(Refusal refusal) {
    return new NodeAnswer<>(null, Objects.requireNonNull(refusal, "refusal"));
  }

  /** Whether the node answered with a value. */
  public boolean isOk() {
    return refusal == null;
  }

  /**
   * Returns the value.
   *
   * @throws IllegalStateException if the node refused
   */
  public T value() {
    if (refusal != null) {
      throw new IllegalStateException("the node refused: " + refusal.code());
    }
    return value;
  }

  /**
   * Returns the refusal.
   *
   * @throws IllegalStateException if the node answered with a value
   */
  public Refusal refusal() {
    if (refusal == null) {
      throw new IllegalStateException("the node did not refuse");
    }
    return refusal;
  }

  /**
   * Maps the value; a value {@code f} refuses as malformed (IllegalArgumentException) becomes a
   * refusal with status {@link #MALFORMED_ANSWER} and code {@code malformed-answer}.
   */
  public <U> NodeAnswer<U> map(Function<T, U> f) {
    if (refusal != null) {
      return refused(refusal);
    }
    try {
      return ok(f.apply(value));
    } catch (IllegalArgumentException e) {
      return refused(
          new Refusal(
              MALFORMED_ANSWER,
              "malformed-answer",
              "the node's answer is malformed: " + e.getMessage(),
              Duration.ZERO));
    }
  }

  @Override
  public String toString() {
    return refusal == null ? "NodeAnswer[ok]" : "NodeAnswer[" + refusal.code() + "]";
  }
}
