package io.mip.face.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured numbers of one {@link FaceEval} run. Rates are fractions in [0, 1]; NaN means "not
 * measured" (for example no genuine pairs) and becomes JSON null.
 *
 * @param images rows of identities.csv used
 * @param identities distinct identities among them
 * @param detectionFailures images with no usable face (unreadable, no face, face too small)
 * @param severalFaces images refused because they show several faces (excluded, not failures)
 * @param failures failure count per reason
 * @param genuinePairs same-identity image pairs scored
 * @param impostorPairs different-identity image pairs scored
 * @param eer equal error rate of raw embeddings (cosine)
 * @param eerThreshold cosine similarity at the equal error point
 * @param tarAtFar0001 true-accept rate at a false-accept rate of 0.1 %
 * @param alpha codeword non-zero entries
 * @param codebookBits log2(C(512, alpha) 2^alpha)
 * @param enrolments 3-photo enrolments made
 * @param genuineRecoverySingle share of single-photo genuine unlocks giving the key
 * @param genuineSingleAttempts single-photo genuine unlocks tried
 * @param genuineRecoveryPair share of two-photo genuine unlocks giving the key
 * @param genuinePairAttempts two-photo genuine unlocks tried
 * @param falseRecoveries impostor unlocks that gave the key
 * @param falseRecoveryAttempts impostor unlocks tried (singles and pairs)
 * @param modelRecoverySingle genuine single-photo recovery expected from the cosines alone
 *     (RecoveryModel), a check on the empirical rate
 * @param modelRecoveryPair the same for two photos
 * @param modelFalseRate impostor recovery rate expected from the cosines of every impostor attempt
 *     (all singles and all same-identity pairs, whatever the time budget allowed to run): far below
 *     what counting can show, and the basis of the "face alone is worth N bits" estimate
 * @param modelFalseAttempts impostor attempts the model rate covers
 * @param medianMs median milliseconds per stage (decode, detect, landmarks, align, embed, pipeline,
 *     liveness, enrol, unlock)
 * @param livenessThreshold the liveness decision threshold
 * @param livenessBpcer share of real photos called SPOOF
 * @param livenessBpcerColour the same over colour photos only
 * @param livenessApcer share of attacks called REAL, per attack kind
 * @param mirrorAveraging whether mirror averaging was on
 * @param elapsedSeconds wall time of the run
 */
public record EvalReport(
    int images,
    int identities,
    int detectionFailures,
    int severalFaces,
    Map<String, Integer> failures,
    int genuinePairs,
    int impostorPairs,
    double eer,
    double eerThreshold,
    double tarAtFar0001,
    int alpha,
    double codebookBits,
    int enrolments,
    double genuineRecoverySingle,
    long genuineSingleAttempts,
    double genuineRecoveryPair,
    long genuinePairAttempts,
    long falseRecoveries,
    long falseRecoveryAttempts,
    double modelRecoverySingle,
    double modelRecoveryPair,
    double modelFalseRate,
    long modelFalseAttempts,
    Map<String, Double> medianMs,
    double livenessThreshold,
    double livenessBpcer,
    double livenessBpcerColour,
    Map<String, Double> livenessApcer,
    boolean mirrorAveraging,
    double elapsedSeconds) {

  /** Copies the maps. */
  public EvalReport {
    failures = Map.copyOf(failures);
    medianMs = Map.copyOf(medianMs);
    livenessApcer = Map.copyOf(livenessApcer);
  }

  /** Returns falseRecoveries / falseRecoveryAttempts (NaN when nothing was tried). */
  public double falseRecoveryRate() {
    return falseRecoveryAttempts == 0
        ? Double.NaN
        : (double) falseRecoveries / falseRecoveryAttempts;
  }

  /**
   * Returns -log2 of the false recovery rate; with no false recovery, the lower bound
   * log2(attempts) (the rate is below 1/attempts as a point estimate; the 95 % rule-of-three bound
   * is 3/attempts, i.e. log2(attempts/3) bits).
   */
  public double falseRecoveryBits() {
    if (falseRecoveryAttempts == 0) {
      return Double.NaN;
    }
    if (falseRecoveries == 0) {
      return log2(falseRecoveryAttempts);
    }
    return -log2(falseRecoveryRate());
  }

  /** Returns -log2 of the model's expected impostor recovery rate (NaN if not measured). */
  public double modelFaceBits() {
    return modelFalseRate > 0 ? -log2(modelFalseRate) : Double.NaN;
  }

  /** Returns the report as one JSON object (snake_case keys, rates as fractions). */
  public String toJson() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("images", images);
    o.put("identities", identities);
    o.put("detection_failures", detectionFailures);
    o.put("several_faces", severalFaces);
    o.set("failures", m.valueToTree(new TreeMap<>(failures)));
    o.put("genuine_pairs", genuinePairs);
    o.put("impostor_pairs", impostorPairs);
    num(o, "eer", eer);
    num(o, "eer_threshold", eerThreshold);
    num(o, "tar_at_far_0_001", tarAtFar0001);
    o.put("alpha", alpha);
    num(o, "codebook_bits", codebookBits);
    o.put("enrolments", enrolments);
    num(o, "genuine_recovery_single", genuineRecoverySingle);
    o.put("genuine_single_attempts", genuineSingleAttempts);
    num(o, "genuine_recovery_pair", genuineRecoveryPair);
    o.put("genuine_pair_attempts", genuinePairAttempts);
    num(o, "false_recovery_rate", falseRecoveryRate());
    o.put("false_recoveries", falseRecoveries);
    o.put("false_recovery_attempts", falseRecoveryAttempts);
    num(o, "false_recovery_bits", falseRecoveryBits());
    o.put("false_recovery_bits_is_lower_bound", falseRecoveries == 0 && falseRecoveryAttempts > 0);
    num(
        o,
        "false_recovery_rate_upper_95",
        falseRecoveries == 0 && falseRecoveryAttempts > 0
            ? 3.0 / falseRecoveryAttempts
            : Double.NaN);
    num(o, "model_recovery_single", modelRecoverySingle);
    num(o, "model_recovery_pair", modelRecoveryPair);
    if (Double.isFinite(modelFalseRate)) {
      o.put("model_false_recovery_rate", modelFalseRate);
    } else {
      o.putNull("model_false_recovery_rate");
    }
    o.put("model_false_attempts", modelFalseAttempts);
    num(o, "model_face_bits", modelFaceBits());
    ObjectNode ms = o.putObject("median_ms");
    new TreeMap<>(medianMs).forEach((k, v) -> num(ms, k, v));
    num(o, "liveness_threshold", livenessThreshold);
    num(o, "liveness_bpcer", livenessBpcer);
    num(o, "liveness_bpcer_colour", livenessBpcerColour);
    ObjectNode ap = o.putObject("liveness_apcer");
    new TreeMap<>(livenessApcer).forEach((k, v) -> num(ap, k, v));
    o.put("mirror_averaging", mirrorAveraging);
    num(o, "elapsed_s", elapsedSeconds);
    return o.toString();
  }

  /** Returns a short human-readable summary. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            "images %d, identities %d, detection failures %d, several faces %d%n",
            images, identities, detectionFailures, severalFaces));
    s.append(
        String.format(
            "EER %.3f %% at cosine %.3f; TAR %.2f %% at FAR 0.1 %% (%d genuine, %d impostor pairs)%n",
            eer * 100, eerThreshold, tarAtFar0001 * 100, genuinePairs, impostorPairs));
    s.append(
        String.format(
            "key (alpha %d, codebook %.1f bits, %d enrolments): one photo %.2f %% of %d, two"
                + " photos %.2f %% of %d%n",
            alpha,
            codebookBits,
            enrolments,
            genuineRecoverySingle * 100,
            genuineSingleAttempts,
            genuineRecoveryPair * 100,
            genuinePairAttempts));
    s.append(
        String.format(
            "false key recovery %d of %d (%s%.1f bits); model: %.3g per attempt = %.1f bits;"
                + " model genuine %.2f %% / %.2f %%%n",
            falseRecoveries,
            falseRecoveryAttempts,
            falseRecoveries == 0 ? "at least " : "",
            falseRecoveryBits(),
            modelFalseRate,
            modelFaceBits(),
            modelRecoverySingle * 100,
            modelRecoveryPair * 100));
    s.append("median ms: ").append(format(medianMs, 1, "")).append(System.lineSeparator());
    s.append(
        String.format(
            "liveness BPCER %.1f %% (colour %.1f %%), APCER: %s%n",
            livenessBpcer * 100, livenessBpcerColour * 100, format(livenessApcer, 100, " %")));
    return s.toString();
  }

  private static String format(Map<String, Double> m, double scale, String unit) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(m)
        .forEach(
            (k, v) ->
                b.append(b.length() == 0 ? "" : ", ")
                    .append(k)
                    .append(' ')
                    .append(String.format("%.2f", v * scale))
                    .append(unit));
    return b.toString();
  }

  private static void num(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, Math.round(v * 1e6) / 1e6);
    } else {
      o.putNull(key);
    }
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
