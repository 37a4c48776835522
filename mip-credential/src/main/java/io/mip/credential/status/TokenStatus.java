package io.mip.credential.status;

/** Status values of draft-ietf-oauth-status-list section 7.1. */
public enum TokenStatus {
  /** 0x00: the token is valid. */
  VALID(0),
  /** 0x01: the token is revoked (permanently invalid). */
  INVALID(1),
  /** 0x02: the token is suspended (temporarily invalid). */
  SUSPENDED(2);

  private final int value;

  TokenStatus(int value) {
    this.value = value;
  }

  /** Returns the status value written into the list. */
  public int value() {
    return value;
  }

  /**
   * Returns the status for a list value.
   *
   * @throws IllegalArgumentException for a value this implementation does not know
   */
  public static TokenStatus of(int value) {
    for (TokenStatus s : values()) {
      if (s.value == value) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status value " + value);
  }
}
