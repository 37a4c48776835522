package io.mip.face;

import java.util.Objects;

/**
 * Why an image gave no usable face. An expected outcome, returned as a value; {@code detail} is a
 * human-readable sentence that never contains image or template data.
 *
 * @param reason the fixed reason
 * @param detail an explanation for logs and users
 */
public record FaceError(Reason reason, String detail) implements FaceResult, LivenessResult {
  /** Fixed reasons an image is refused. */
  public enum Reason {
    /** The bytes are not an image format the JDK decodes (JPEG, PNG, BMP, GIF, WBMP). */
    NOT_AN_IMAGE,
    /** The header is readable but the image data is cut short or damaged. */
    TRUNCATED_IMAGE,
    /** No bytes at all. */
    EMPTY_INPUT,
    /** Above the byte limit, or the header declares more pixels than the limit (checked first). */
    TOO_LARGE,
    /** No face was detected, even after padding the image and retrying once. */
    NO_FACE,
    /** Two or more confident faces of comparable size: the engine will not guess which is meant. */
    MULTIPLE_FACES,
    /** The face is too small to embed reliably. */
    FACE_TOO_SMALL
  }

  /** Validates the fields. */
  public FaceError {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** Creates an error. */
  public static FaceError of(Reason reason, String detail) {
    return new FaceError(reason, detail);
  }
}
