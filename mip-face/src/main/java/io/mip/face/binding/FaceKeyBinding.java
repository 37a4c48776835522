package io.mip.face.binding;

import io.mip.crypto.Hkdf;
import io.mip.face.FaceTemplate;
import io.mip.face.binding.internal.Codebook;
import io.mip.face.binding.internal.Orthogonal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Binds a random key to a face, IronMask-style (Kim et al., "IronMask: Modular Architecture for
 * Protecting Deep Face Template", CVPR 2021).
 *
 * <p>Enrolment averages at least three L2-normalised captures into t, draws a Haar-random
 * orthogonal Q and a random codeword c (alpha entries of {@code +-1/sqrt(alpha)}), builds the
 * rotation R mapping Q t onto c, and publishes only P = R Q. Unlock decodes P t' of a fresh capture
 * (the mean of one or more) to the nearest codeword. K_face = HKDF-SHA256(ikm = the codeword as
 * {@code dim} signed bytes in {-1, 0, 1}, no salt, info {@code mip/face-key/v1}, 32 bytes).
 *
 * <p>Security guarantees and limits: Q, t and c are never stored or returned (their arrays are
 * zeroed before enrol returns; the JVM may still hold copies until collected). P alone reveals
 * neither c nor t: every codeword c' gives a candidate template P^T c', and the codebook has {@link
 * #codebookBits()} bits. An impostor holding P must present a face whose projection decodes to c;
 * measured on ../shared/faces (docs/face.md) that chance is about 2^-21 per attempt with the
 * default alpha, so the face alone is worth about 21 bits, far below the codebook size; the PIN
 * (Argon2id) and online rate limits carry the rest. A wrong face gives a wrong key, never an error.
 */
public final class FaceKeyBinding {
  /**
   * Alpha chosen by measurement on ../shared/faces (docs/face.md): with 12, 97.7 % of single-photo
   * and 100 % of two-photo unlocks recover the key, no impostor attempt of 95,355 did, and the
   * recovery model puts an impostor's chance at about 4e-7 per attempt (21 bits); alpha 11 gives
   * 98.1 % and 19 bits, alpha 10 17 bits with one false recovery observed.
   */
  public static final int DEFAULT_ALPHA = 12;

  /** Fewest captures accepted at enrolment. */
  public static final int MIN_ENROL_CAPTURES = 3;

  /** Most captures accepted by enrol or unlock. */
  public static final int MAX_CAPTURES = 64;

  private static final byte[] INFO = "mip/face-key/v1".getBytes(StandardCharsets.US_ASCII);

  private final int alpha;

  /** Creates a binding with {@link #DEFAULT_ALPHA}. */
  public FaceKeyBinding() {
    this(DEFAULT_ALPHA);
  }

  /** Creates a binding with {@code alpha} non-zero codeword entries (1..64). */
  public FaceKeyBinding(int alpha) {
    if (alpha < 1 || alpha > 64) {
      throw new IllegalArgumentException("alpha must be 1..64");
    }
    this.alpha = alpha;
  }

  /** Returns alpha. */
  public int alpha() {
    return alpha;
  }

  /** Returns log2 of the codebook size for 512-d templates: log2(C(512, alpha) * 2^alpha). */
  public double codebookBits() {
    return new Codebook(512, alpha).bits();
  }

  /**
   * Enrols a face from at least three captures.
   *
   * @throws IllegalArgumentException if fewer than 3 or more than 64 captures, or their dimensions
   *     differ
   */
  public Enrolment enrol(List<FaceTemplate> captures, SecureRandom random) {
    Objects.requireNonNull(random, "random");
    if (captures.size() < MIN_ENROL_CAPTURES || captures.size() > MAX_CAPTURES) {
      throw new IllegalArgumentException("enrolment needs 3 to 64 captures");
    }
    double[] t = mean(captures);
    int dim = t.length;
    Codebook book = new Codebook(dim, alpha);
    byte[] c = book.random(random);
    double[] cv = book.vector(c);
    double[][] q = Orthogonal.haar(dim, random);
    float[] p = Orthogonal.rotateOnto(q, t, cv);
    FaceKey key = derive(c);
    Arrays.fill(t, 0);
    Arrays.fill(cv, 0);
    Arrays.fill(c, (byte) 0);
    for (double[] row : q) {
      Arrays.fill(row, 0);
    }
    return new Enrolment(new HelperData(dim, alpha, p), key);
  }

  /**
   * Recovers the face key from fresh captures (their mean; two or more captures succeed more often
   * than one). Uses the helper data's alpha. A different face yields a different key.
   *
   * @throws IllegalArgumentException if no captures, more than 64, or dimensions differ from the
   *     helper data
   */
  public FaceKey unlock(HelperData helper, List<FaceTemplate> captures) {
    Objects.requireNonNull(helper, "helper");
    if (captures.isEmpty() || captures.size() > MAX_CAPTURES) {
      throw new IllegalArgumentException("unlock needs 1 to 64 captures");
    }
    double[] y = helper.project(mean(captures));
    byte[] c = new Codebook(helper.dimension(), helper.alpha()).decode(y);
    FaceKey key = derive(c);
    Arrays.fill(y, 0);
    Arrays.fill(c, (byte) 0);
    return key;
  }

  private static double[] mean(List<FaceTemplate> captures) {
    float[] m = FaceTemplate.mean(captures).toArray();
    double[] out = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i];
    }
    Arrays.fill(m, 0);
    return out;
  }

  private static FaceKey derive(byte[] codeword) {
    byte[] k = Hkdf.derive(null, codeword, INFO, FaceKey.LENGTH);
    FaceKey key = new FaceKey(k);
    Arrays.fill(k, (byte) 0);
    return key;
  }

  @Override
  public String toString() {
    return "FaceKeyBinding[alpha=" + alpha + "]";
  }
}
