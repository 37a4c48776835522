package io.mip.node.internal.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.mip.ledger.LedgerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every failure as an RFC 9457 {@code application/problem+json} response: typed {@link
 * ProblemException}s as they are, Javalin's own 404/405/413 as the matching {@link ProblemType},
 * ledger failures as 503 and anything else as a 500 without internals. Stack traces are logged on
 * the node and never sent.
 */
public final class ErrorHandling {
  /** Media type of every error body (RFC 9457 section 3). */
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorHandling.class);

  private ErrorHandling() {}

  /** Installs the exception handlers on {@code app}. */
  public static void install(Javalin app) {
    app.exception(ProblemException.class, (e, ctx) -> render(ctx, e.problem()));
    app.exception(HttpResponseException.class, (e, ctx) -> render(ctx, fromJavalin(e, ctx)));
    app.exception(
        LedgerException.class,
        (e, ctx) -> {
          LOG.error("ledger failure on {} {}", ctx.method(), ctx.path(), e);
          render(
              ctx,
              Problem.of(ProblemType.LEDGER_UNAVAILABLE, "the ledger could not serve the request"));
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          render(ctx, Problem.of(ProblemType.INTERNAL_ERROR, "unexpected error; see node logs"));
        });
  }

  /** Writes {@code problem} as the response. */
  public static void render(Context ctx, Problem problem) {
    ctx.status(problem.status());
    JsonResponses.write(ctx, PROBLEM_JSON, problem.toJson(ctx.path()));
  }

  private static Problem fromJavalin(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> Problem.of(ProblemType.NOT_FOUND, "no resource at " + ctx.path());
      case 405 -> {
        String allowed = e.getDetails().getOrDefault("availableMethods", "");
        if (!allowed.isEmpty()) {
          ctx.header("Allow", allowed.replace("[", "").replace("]", ""));
        }
        yield Problem.of(
            ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
      }
      case 413 ->
          Problem.of(ProblemType.BODY_TOO_LARGE, "request body exceeds the node's size limit");
      case 415 -> Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
      default -> Problem.ofStatus(e.getStatus(), "the request was refused");
    };
  }
}
