package io.mip.profile;

/** Size limits of the Smart Profile; the node refuses anything larger. */
public final class ProfileLimits {
  /** Largest record ciphertext, 1 MiB; a larger deposit is refused with 413. */
  public static final int MAX_CIPHERTEXT_BYTES = 1024 * 1024;

  /** Largest wrapped content key (HPKE enc plus sealed 32-byte key plus tag, with headroom). */
  public static final int MAX_WRAPPED_KEY_BYTES = 256;

  /** Most recipients a record's content key is wrapped to at deposit. */
  public static final int MAX_RECIPIENTS = 64;

  /** Most wrapped keys uploaded in one grant. */
  public static final int MAX_KEYS_PER_UPLOAD = 10_000;

  /** Most category patterns in one grant. */
  public static final int MAX_GRANT_PATTERNS = 32;

  private ProfileLimits() {}
}
