package io.mip.sdk.login;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link MipClient#handleCallback} or {@link MipClient#validateIdToken}: a login, or
 * a {@link Reason} with a detail that never holds a token or a claim value.
 *
 * @param login the login, on success
 * @param reason why not, otherwise
 * @param detail what failed ("ok" on success)
 */
public record LoginResult(Optional<MipLogin> login, Optional<Reason> reason, String detail) {
  /** Every reason a login is refused. */
  public enum Reason {
    /** The callback carries no {@code state}. */
    MISSING_STATE,
    /** The callback's {@code state} is not the one this login sent (CSRF or a mixed-up tab). */
    STATE_MISMATCH,
    /** The provider answered with an error ({@code access_denied}, ...); the detail names it. */
    AUTHORIZATION_ERROR,
    /** The callback is malformed, or its {@code iss} is another provider (RFC 9207). */
    BAD_CALLBACK,
    /** The provider refused the code exchange ({@code invalid_grant}, ...). */
    TOKEN_ERROR,
    /** The provider could not be reached or answered something unreadable. */
    PROVIDER_UNAVAILABLE,
    /** The ID token is malformed, unsigned, signed with another algorithm, or does not verify. */
    BAD_SIGNATURE,
    /** The ID token's {@code iss} is not the provider. */
    WRONG_ISSUER,
    /** The ID token is for another app ({@code aud}/{@code azp}). */
    WRONG_AUDIENCE,
    /** The ID token has expired or is issued in the future. */
    EXPIRED,
    /** The ID token's {@code nonce} is not the one this login sent (a replayed token). */
    NONCE_MISMATCH
  }

  /** Checks that exactly one of login and reason is present. */
  public LoginResult {
    Objects.requireNonNull(login, "login");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    if (login.isPresent() == reason.isPresent()) {
      throw new IllegalArgumentException("exactly one of login and reason");
    }
  }

  /** A successful login. */
  public static LoginResult ok(MipLogin login) {
    return new LoginResult(Optional.of(login), Optional.empty(), "ok");
  }

  /** A refused login. */
  public static LoginResult refused(Reason reason, String detail) {
    return new LoginResult(Optional.empty(), Optional.of(reason), detail);
  }

  /** Returns whether the login succeeded. */
  public boolean isOk() {
    return login.isPresent();
  }

  @Override
  public String toString() {
    return isOk() ? "LoginResult[ok]" : "LoginResult[" + reason.get() + ": " + detail + "]";
  }
}
