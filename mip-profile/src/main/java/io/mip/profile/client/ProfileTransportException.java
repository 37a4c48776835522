package io.mip.profile.client;

/** The node could not be reached or answered something that is not the profile API. */
public class ProfileTransportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ProfileTransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
