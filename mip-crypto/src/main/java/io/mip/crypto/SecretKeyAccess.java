package io.mip.crypto;

/**
 * A token that must be passed to every method exporting raw secret key material.
 *
 * <p>Security guarantees: raw private key bytes leave a key object only through a method that takes
 * this token, so every export in the code base is found by searching for {@code
 * SecretKeyAccess.insecureSecretAccess()}. Nothing else in MIP hands out secret bytes.
 */
public final class SecretKeyAccess {
  private static final SecretKeyAccess INSTANCE = new SecretKeyAccess();

  private SecretKeyAccess() {}

  /** Returns the token. Each call site is a place where secret bytes leave a key object. */
  public static SecretKeyAccess insecureSecretAccess() {
    return INSTANCE;
  }

  static void require(SecretKeyAccess access) {
    if (access != INSTANCE) {
      throw new IllegalArgumentException("secret key access token required");
    }
  }
}
