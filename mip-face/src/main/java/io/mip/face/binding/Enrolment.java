package io.mip.face.binding;

import java.util.Objects;

/**
 * The result of {@link FaceKeyBinding#enrol}: public helper data to store, and the face key to seal
 * the passport secret with. Nothing else of the enrolment survives.
 *
 * @param helperData public helper data P (safe to back up; reveals no key without a matching face)
 * @param key the face key
 */
public record Enrolment(HelperData helperData, FaceKey key) {
  /** Validates the fields. */
  public Enrolment {
    Objects.requireNonNull(helperData, "helperData");
    Objects.requireNonNull(key, "key");
  }
}
