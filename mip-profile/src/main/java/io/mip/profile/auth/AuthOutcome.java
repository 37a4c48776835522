package io.mip.profile.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of authenticating a signed request: the caller's DID, or why the request was refused.
 *
 * @param party the authenticated DID, when accepted
 * @param failure why not, otherwise
 * @param detail a human-readable explanation (empty on success); never contains key material
 */
public record AuthOutcome(Optional<String> party, Optional<Failure> failure, String detail) {
  /** Why a request was refused; each has a stable kebab-case code used as the problem type. */
  public enum Failure {
    /** No {@code Authorization: MIP <token>} header. */
    MISSING("unauthenticated"),
    /** The token is not a well-formed MIP request token. */
    MALFORMED("malformed-request-token"),
    /** The issuer's DID does not resolve to an active signing key. */
    UNKNOWN_PARTY("unknown-party"),
    /** The signature does not verify under the issuer's current key. */
    BAD_SIGNATURE("bad-request-signature"),
    /** The token names another node. */
    WRONG_AUDIENCE("wrong-audience"),
    /** The token has expired, is not yet valid, or lives longer than 60 seconds. */
    EXPIRED("expired-request"),
    /** The token was signed for another method, target or body. */
    REQUEST_MISMATCH("request-mismatch"),
    /** The token's {@code jti} was seen before (a replayed request). */
    REPLAYED("replayed-request"),
    /** The replay cache is full; the node fails closed until entries expire. */
    BUSY("replay-cache-full");

    private final String code;

    Failure(String code) {
      this.code = code;
    }

    /** Returns the stable code. */
    public String code() {
      return code;
    }
  }

  /** Checks that exactly one of party and failure is present. */
  public AuthOutcome {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(detail, "detail");
    if (party.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("exactly one of party and failure must be present");
    }
  }

  /** An authenticated caller. */
  public static AuthOutcome accepted(String did) {
    return new AuthOutcome(Optional.of(did), Optional.empty(), "");
  }

  /** A refused request. */
  public static AuthOutcome refused(Failure failure, String detail) {
    return new AuthOutcome(Optional.empty(), Optional.of(failure), detail);
  }

  /** Returns whether the request was authenticated. */
  public boolean accepted() {
    return party.isPresent();
  }
}
