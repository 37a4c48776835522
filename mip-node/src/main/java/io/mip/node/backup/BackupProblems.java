package io.mip.node.backup;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.mip.node.internal.http.Problem;
import io.mip.node.internal.http.ProblemException;
import io.mip.node.internal.http.ProblemType;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The passport backup routes' RFC 9457 problems, with stable types under the node's prefix
 * (docs/http-api.md, "Passport backups"). Details name what is wrong, never a secret.
 */
final class BackupProblems {
  private BackupProblems() {}

  static ProblemException notFound(String did) {
    return of("backup-not-found", "No passport backup", 404, "this node holds no backup of " + did);
  }

  static ProblemException superseded(String did) {
    return of(
        "backup-superseded",
        "Passport backup superseded",
        410,
        "the backup of " + did + " was made with a key the DID no longer has; it was deleted");
  }

  static ProblemException invalid(String detail) {
    return of("invalid-backup", "Invalid passport backup", 400, detail);
  }

  static ProblemException epochMismatch(String detail) {
    return of("backup-epoch-mismatch", "Backup epoch does not match the DID", 409, detail);
  }

  static ProblemException wrongParty() {
    return of(
        "backup-wrong-party",
        "Not the DID's own request",
        403,
        "a backup is written or deleted only by a request signed by its own DID");
  }

  static ProblemException badRequest(String detail) {
    return of("invalid-restore-request", "Invalid restore request", 400, detail);
  }

  static ProblemException challengeInvalid() {
    return of(
        "restore-challenge-invalid",
        "Restore challenge invalid",
        400,
        "the challenge is unknown, already used or expired; ask for a new one");
  }

  static ProblemException busy() {
    return of(
        "restore-busy", "Too many open challenges", 503, "too many restores in progress; retry");
  }

  /** A failed answer: counted; {@code failures} so far, and the wait it imposes, if any. */
  static ProblemException failed(int failures, Duration wait) {
    ProblemException p =
        of(
                "restore-failed",
                "Restore refused",
                403,
                "the answer does not verify (wrong face or PIN); the attempt was counted")
            .with("failures", IntNode.valueOf(failures));
    return wait.isZero() ? p : p.with("retryAfter", LongNode.valueOf(seconds(wait)));
  }

  /** Too many failures: 429 with {@code retryAfter} seconds (the handler sets Retry-After). */
  static ProblemException locked(Duration wait) {
    return of(
            "restore-locked",
            "Too many failed restore attempts",
            429,
            "too many failed attempts; retry in " + seconds(wait) + " s")
        .with("retryAfter", LongNode.valueOf(seconds(wait)));
  }

  static ProblemException invalidDid() {
    return new ProblemException(
        ProblemType.INVALID_PARAMETER, "parameter 'did' is not a did:mip DID");
  }

  /** Whole seconds, rounded up, at least 1. */
  static long seconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  private static ProblemException of(String code, String title, int status, String detail) {
    return new ProblemException(
        new Problem(URI.create(ProblemType.URI_PREFIX + code), title, status, detail, Map.of()));
  }
}
