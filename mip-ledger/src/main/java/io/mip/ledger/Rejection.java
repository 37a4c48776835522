package io.mip.ledger;

import java.util.Objects;

/**
 * Why the ledger refused an operation.
 *
 * @param reason the fixed reason
 * @param code a stable, kebab-case code (for a policy rejection, the policy's own code), used as
 *     the last segment of the HTTP problem type
 * @param detail a human-readable explanation naming the problem
 */
public record Rejection(Reason reason, String code, String detail) {
  /** Fixed reasons the ledger itself gives. */
  public enum Reason {
    /** The signature does not verify against {@code signer}. */
    BAD_SIGNATURE("bad-signature"),
    /** {@code prev} is not the stream's current head (a fork, a stale or replayed update). */
    BROKEN_CHAIN("broken-chain"),
    /** A policy for this operation type refused it; {@code code} says which rule. */
    POLICY("policy");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** Returns the default code for this reason. */
    public String code() {
      return code;
    }
  }

  /** Validates the fields. */
  public Rejection {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  /** A rejection for one of the ledger's own reasons. */
  public static Rejection of(Reason reason, String detail) {
    return new Rejection(reason, reason.code(), detail);
  }

  /** A policy rejection with the policy's own stable code. */
  public static Rejection policy(String code, String detail) {
    return new Rejection(Reason.POLICY, code, detail);
  }
}
