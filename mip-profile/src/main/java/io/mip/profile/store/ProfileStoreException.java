package io.mip.profile.store;

/**
 * A storage failure: the database or file system did not answer or is inconsistent. Never used for
 * an expected outcome (a missing record is an empty Optional).
 */
public class ProfileStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its cause. */
  public ProfileStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
