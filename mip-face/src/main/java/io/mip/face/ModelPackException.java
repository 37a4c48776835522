package io.mip.face;

import java.util.Objects;

/**
 * A model pack could not be fetched, read or trusted. Thrown at the edge (startup); a face engine
 * never runs on models whose pinned SHA-256 does not match.
 */
public final class ModelPackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the pack was refused. */
  public enum Reason {
    /** A model file's SHA-256 differs from the pinned value: the file is not the expected model. */
    HASH_MISMATCH,
    /** A model file named by the pack is absent. */
    MISSING_FILE,
    /** The manifest or the hash map is malformed. */
    BAD_MANIFEST,
    /** Fetching the pack (npm pack, download, extraction) failed. */
    FETCH_FAILED,
    /** Reading or writing the cache failed. */
    IO
  }

  private final Reason reason;

  /** Creates the exception. */
  public ModelPackException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Creates the exception with a cause. */
  public ModelPackException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the pack was refused. */
  public Reason reason() {
    return reason;
  }
}
