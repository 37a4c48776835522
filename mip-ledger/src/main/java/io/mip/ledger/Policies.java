package io.mip.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies a ledger's {@link OperationPolicy policies} to one operation, the same way in every
 * backend and in every reader that replays a stream: first stream ownership (a stream owned by a
 * policy refuses operation types that policy does not govern, code {@value #FOREIGN_OPERATION}),
 * then each policy that governs the operation's type, in order; the first rejection wins.
 */
public final class Policies {
  /** The rejection code for an operation whose type the stream's owning policy does not govern. */
  public static final String FOREIGN_OPERATION = "foreign-operation";

  private Policies() {}

  /**
   * Checks {@code op} against {@code policies}; {@code stream} is read only if a policy governs the
   * type. Returns the first rejection, or empty to admit.
   */
  public static Optional<Rejection> check(
      List<OperationPolicy> policies, Operation op, Supplier<StreamView> stream) {
    String type = op.type();
    for (OperationPolicy policy : policies) {
      if (policy.ownsStream(op.stream()) && !policy.appliesTo(type)) {
        return Optional.of(
            Rejection.policy(
                FOREIGN_OPERATION,
                "stream " + op.stream() + " takes only its own operation types, not " + type));
      }
    }
    for (OperationPolicy policy : policies) {
      if (policy.appliesTo(type)) {
        Optional<Rejection> r = policy.check(op, stream.get());
        if (r.isPresent()) {
          return r;
        }
      }
    }
    return Optional.empty();
  }
}
