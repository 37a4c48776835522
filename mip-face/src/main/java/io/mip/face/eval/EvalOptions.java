package io.mip.face.eval;

import io.mip.face.binding.FaceKeyBinding;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link FaceEval#run}.
 *
 * @param limit use at most this many rows of identities.csv (0 = all)
 * @param alpha codeword non-zero entries for the key-binding test
 * @param enrolmentsPerIdentity how many 3-photo enrolments to try per identity (all choices when
 *     fewer exist; a seeded sample otherwise)
 * @param falsePairBudget time allowed for impostor attempts with pairs of photos (singles always
 *     run in full)
 * @param mirrorAveraging embed each face and its mirror image and average
 * @param liveness run the liveness checks (real photos and synthesised attacks)
 * @param seed seed for enrolment randomness, so runs are repeatable (evaluation only; the wallet
 *     enrols with a SecureRandom)
 */
public record EvalOptions(
    int limit,
    int alpha,
    int enrolmentsPerIdentity,
    Duration falsePairBudget,
    boolean mirrorAveraging,
    boolean liveness,
    long seed) {

  /** Validates the options. */
  public EvalOptions {
    Objects.requireNonNull(falsePairBudget, "falsePairBudget");
    if (limit < 0 || alpha < 1 || alpha > 64 || enrolmentsPerIdentity < 1) {
      throw new IllegalArgumentException("invalid evaluation options");
    }
  }

  /**
   * The defaults: all images, alpha {@link FaceKeyBinding#DEFAULT_ALPHA}, up to 100 enrolments per
   * identity (every 3-photo choice of ../shared/faces), 60 s for impostor pairs, liveness on, seed
   * 1.
   */
  public static EvalOptions defaults() {
    return new EvalOptions(
        0, FaceKeyBinding.DEFAULT_ALPHA, 100, Duration.ofSeconds(60), false, true, 1);
  }

  /** Returns a copy with {@code limit} images. */
  public EvalOptions withLimit(int n) {
    return new EvalOptions(
        n, alpha, enrolmentsPerIdentity, falsePairBudget, mirrorAveraging, liveness, seed);
  }

  /** Returns a copy with another alpha. */
  public EvalOptions withAlpha(int a) {
    return new EvalOptions(
        limit, a, enrolmentsPerIdentity, falsePairBudget, mirrorAveraging, liveness, seed);
  }

  /** Returns a copy with mirror averaging switched. */
  public EvalOptions withMirrorAveraging(boolean on) {
    return new EvalOptions(
        limit, alpha, enrolmentsPerIdentity, falsePairBudget, on, liveness, seed);
  }

  /** Returns a copy with liveness switched. */
  public EvalOptions withLiveness(boolean on) {
    return new EvalOptions(
        limit, alpha, enrolmentsPerIdentity, falsePairBudget, mirrorAveraging, on, seed);
  }

  /** Returns a copy with another number of enrolments per identity and impostor-pair budget. */
  public EvalOptions withEnrolments(int perIdentity, Duration pairBudget) {
    return new EvalOptions(limit, alpha, perIdentity, pairBudget, mirrorAveraging, liveness, seed);
  }
}
