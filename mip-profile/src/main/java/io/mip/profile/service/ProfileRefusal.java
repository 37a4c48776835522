package io.mip.profile.service;

import java.util.Objects;

/**
 * Why the profile service refused a request. Each reason has a stable kebab-case code (the last
 * segment of the HTTP problem type {@code https://mip.io/problems/<code>}) and the HTTP status the
 * node answers with.
 *
 * @param reason the fixed reason
 * @param code the stable code; for {@link Reason#LEDGER_REJECTED} the ledger rejection's own code
 * @param detail a human-readable explanation; never contains record content or key material
 */
public record ProfileRefusal(Reason reason, String code, String detail) {
  /** The reasons, with their default code and HTTP status. */
  public enum Reason {
    /** The request's signature token was refused; {@code code} says why (see AuthOutcome). */
    UNAUTHENTICATED("unauthenticated", 401),
    /** The caller is not the record's or grant's owner. */
    NOT_OWNER("not-owner", 403),
    /** The depositor named in the deposit is not the caller. */
    NOT_DEPOSITOR("not-depositor", 403),
    /** The calling app has no registration on the ledger. */
    APP_NOT_REGISTERED("app-not-registered", 403),
    /** No grant covers this record for this app. */
    NO_GRANT("no-grant", 403),
    /** The grant that covered this record was revoked. */
    GRANT_REVOKED("grant-revoked", 403),
    /** The grant that covered this record has expired. */
    GRANT_EXPIRED("grant-expired", 403),
    /** The operation is not signed by the person's current DID key. */
    UNAUTHORIZED_SIGNER("unauthorized-signer", 403),
    /** No such record (never stored, or erased). */
    RECORD_NOT_FOUND("record-not-found", 404),
    /** No such grant for this person. */
    GRANT_NOT_FOUND("grant-not-found", 404),
    /** The person's DID does not resolve to a key-agreement key. */
    UNKNOWN_PERSON("unknown-person", 404),
    /** The record is not in an anchored batch yet; retry after the next batch. */
    NOT_YET_ANCHORED("not-yet-anchored", 404),
    /** A live include-future grant's app has no wrapped key in the deposit; ask again and retry. */
    STALE_RECIPIENTS("stale-recipients", 409),
    /** The ciphertext exceeds 1 MiB. */
    RECORD_TOO_LARGE("record-too-large", 413),
    /** The request is well formed JSON but not a valid profile request. */
    INVALID_REQUEST("invalid-profile-request", 400),
    /** The grant or revocation does not match its operation, or names records it cannot. */
    INVALID_GRANT("invalid-grant", 400),
    /** The ledger refused the consent operation; {@code code} is the ledger's code. */
    LEDGER_REJECTED("ledger-rejected", 422),
    /** The stored ciphertext does not hash to its id: altered in storage. Nothing is served. */
    RECORD_CORRUPTED("record-corrupted", 500);

    private final String code;
    private final int status;

    Reason(String code, int status) {
      this.code = code;
      this.status = status;
    }

    /** Returns the default code. */
    public String code() {
      return code;
    }

    /** Returns the HTTP status. */
    public int status() {
      return status;
    }
  }

  /** Checks nulls. */
  public ProfileRefusal {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }

  /** A refusal with the reason's own code. */
  public static ProfileRefusal of(Reason reason, String detail) {
    return new ProfileRefusal(reason, reason.code(), detail);
  }

  /** Returns the HTTP status. */
  public int status() {
    return reason.status();
  }

  /**
   * Rebuilds a refusal from a problem response ({@code code} is the last segment of the problem
   * type): the reason with that code, or else the closest reason for the status, keeping the code.
   */
  public static ProfileRefusal fromProblem(String code, int status, String detail) {
    for (Reason r : Reason.values()) {
      if (r.code().equals(code)) {
        return new ProfileRefusal(r, code, detail);
      }
    }
    Reason fallback =
        switch (status) {
          case 401 -> Reason.UNAUTHENTICATED;
          case 403 -> Reason.NO_GRANT;
          case 404 -> Reason.RECORD_NOT_FOUND;
          case 409 -> Reason.STALE_RECIPIENTS;
          case 413 -> Reason.RECORD_TOO_LARGE;
          case 422 -> Reason.LEDGER_REJECTED;
          default -> status >= 500 ? Reason.RECORD_CORRUPTED : Reason.INVALID_REQUEST;
        };
    return new ProfileRefusal(fallback, code, detail);
  }
}
