package io.mip.node.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Thrown by a handler to end the request with a problem response. Rendered centrally by {@link
 * ErrorHandling}; handlers never write error bodies themselves.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  /** Ends the request with one of the node's own problem types. */
  public ProblemException(ProblemType type, String detail) {
    this(Problem.of(type, detail));
  }

  /** Ends the request with the given problem. */
  public ProblemException(Problem problem) {
    super(Objects.requireNonNull(problem, "problem").detail(), null, false, false);
    this.problem = problem;
  }

  /** Returns a copy with one more extension member. */
  public ProblemException with(String name, JsonNode value) {
    return new ProblemException(problem.with(name, value));
  }

  /** Returns the problem to render. */
  public Problem problem() {
    return problem;
  }
}
