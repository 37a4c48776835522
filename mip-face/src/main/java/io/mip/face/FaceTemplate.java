package io.mip.face;

import java.util.List;
import java.util.Objects;

/**
 * A unit-length face embedding (biometric data).
 *
 * <p>Guarantees: immutable; always L2-normalised; {@link #toString()} never prints values; {@link
 * #equals(Object)} is identity, so templates never end up compared by value in a map or a log. The
 * values leave only as a copy through {@link #toArray()}, for key binding and evaluation inside the
 * wallet: never log, store in plaintext or transmit them.
 */
public final class FaceTemplate {
  private static final int MAX_DIM = 4096;

  private final float[] values;

  private FaceTemplate(float[] values) {
    this.values = values;
  }

  /**
   * Builds a template by L2-normalising {@code raw}.
   *
   * @throws IllegalArgumentException if empty, longer than 4096, non-finite, or all zero
   */
  public static FaceTemplate of(float[] raw) {
    Objects.requireNonNull(raw, "raw");
    if (raw.length == 0 || raw.length > MAX_DIM) {
      throw new IllegalArgumentException("template dimension must be 1.." + MAX_DIM);
    }
    double sum = 0;
    for (float v : raw) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("template values must be finite");
      }
      sum += (double) v * v;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("template must not be all zero");
    }
    double inv = 1 / Math.sqrt(sum);
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = (float) (raw[i] * inv);
    }
    return new FaceTemplate(out);
  }

  /**
   * Returns the normalised mean of several templates (the capture-averaging step of enrolment and
   * unlock).
   *
   * @throws IllegalArgumentException if the list is empty or dimensions differ
   */
  public static FaceTemplate mean(List<FaceTemplate> templates) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("no templates");
    }
    int dim = templates.get(0).dimension();
    float[] sum = new float[dim];
    for (FaceTemplate t : templates) {
      if (t.dimension() != dim) {
        throw new IllegalArgumentException("template dimensions differ");
      }
      for (int i = 0; i < dim; i++) {
        sum[i] += t.values[i];
      }
    }
    return of(sum);
  }

  /** Returns the number of values. */
  public int dimension() {
    return values.length;
  }

  /**
   * Returns the cosine similarity, in [-1, 1].
   *
   * @throws IllegalArgumentException if dimensions differ
   */
  public double cosine(FaceTemplate other) {
    if (other.values.length != values.length) {
      throw new IllegalArgumentException("template dimensions differ");
    }
    double dot = 0;
    for (int i = 0; i < values.length; i++) {
      dot += (double) values[i] * other.values[i];
    }
    return Math.max(-1, Math.min(1, dot));
  }

  /** Returns a copy of the unit-length values. Biometric data: keep it inside the wallet. */
  public float[] toArray() {
    return values.clone();
  }

  @Override
  public String toString() {
    return "FaceTemplate[" + values.length + "-d]";
  }
}
