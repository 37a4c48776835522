package io.mip.face.eval;

import io.mip.face.FaceError;
import io.mip.face.FaceTemplate;
import io.mip.face.ModelPack;
import io.mip.face.binding.FaceKeyBinding;
import io.mip.face.eval.internal.Attacks;
import io.mip.face.eval.internal.Dataset;
import io.mip.face.eval.internal.ImageRun;
import io.mip.face.eval.internal.KeyRecovery;
import io.mip.face.eval.internal.Metrics;
import io.mip.face.internal.FacePipeline;
import io.mip.face.internal.PipelineConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measures the face pipeline and the face-bound key on a labelled photo folder ({@code
 * identities.csv}: {@code dataset,identity,path}). Each image is decoded and embedded once; then
 * verification error rates over all pairs, genuine and false key recovery through the real {@link
 * FaceKeyBinding}, stage latencies, and liveness error rates on the real photos and on synthesised
 * attacks (grey print, screen moire, low-resolution recapture, dark frame).
 *
 * <p>Images refused for showing several faces are counted apart and excluded; every other refusal
 * is a detection failure. Runs on the calling thread plus two worker threads for key recovery.
 */
public final class FaceEval {
  private final ModelPack pack;

  /** Creates an evaluator for a model pack. */
  public FaceEval(ModelPack pack) {
    this.pack = Objects.requireNonNull(pack, "pack");
  }

  /**
   * Runs the evaluation.
   *
   * @throws IllegalArgumentException if identities.csv is missing or malformed
   */
  public EvalReport run(Path facesDir, EvalOptions opts, ProgressListener progress) {
    long start = System.nanoTime();
    List<Dataset.Row> rows = Dataset.read(facesDir, opts.limit());
    Map<String, List<FaceTemplate>> expected = new HashMap<>();
    for (Dataset.Row r : rows) {
      expected.computeIfAbsent(r.identity(), k -> new ArrayList<>()).add(null);
    }
    int[] total = {rows.size() + KeyRecovery.taskCount(expected, opts.enrolmentsPerIdentity())};
    PipelineConfig config = PipelineConfig.DEFAULT.withMirrorAveraging(opts.mirrorAveraging());
    ImageRun run;
    try (FacePipeline pipeline = new FacePipeline(pack, config)) {
      run = new ImageRun(pipeline, opts.liveness());
      for (int i = 0; i < rows.size(); i++) {
        run.add(rows.get(i), i);
        progress.progress(i + 1, total[0]);
      }
    }
    List<double[]> scores = scores(run.byIdentity);
    double[] gen = scores.get(0);
    double[] imp = scores.get(1);
    boolean scored = gen.length > 0 && imp.length > 0;
    double[] eer = scored ? Metrics.eer(gen, imp) : new double[] {Double.NaN, Double.NaN};
    double tar = scored ? Metrics.tarAtFar(gen, imp, 0.001)[0] : Double.NaN;

    total[0] = rows.size() + KeyRecovery.taskCount(run.byIdentity, opts.enrolmentsPerIdentity());
    KeyRecovery.Result keys =
        KeyRecovery.run(
            run.byIdentity,
            opts.alpha(),
            opts.enrolmentsPerIdentity(),
            opts.falsePairBudget(),
            opts.seed(),
            done -> progress.progress(rows.size() + done, total[0]));

    Map<String, Double> medians = new HashMap<>();
    run.stageMs.forEach(
        (s, v) -> medians.put(s.name().toLowerCase(java.util.Locale.ROOT), median(v)));
    medians.put("pipeline", median(run.pipelineMs));
    medians.put("enrol", median(keys.enrolMs()));
    medians.put("unlock", median(keys.unlockMs()));
    Map<String, Double> apcer = new HashMap<>();
    for (Attacks.Kind k : Attacks.Kind.values()) {
      int tried = run.attackTried.getOrDefault(k, 0);
      apcer.put(k.key(), tried == 0 ? Double.NaN : (double) run.attackAccepted.get(k) / tried);
    }
    int several = run.failures.getOrDefault(FaceError.Reason.MULTIPLE_FACES.name(), 0);
    int failed = run.failures.values().stream().mapToInt(Integer::intValue).sum() - several;
    return new EvalReport(
        rows.size(),
        (int) rows.stream().map(Dataset.Row::identity).distinct().count(),
        failed,
        several,
        run.failures,
        gen.length,
        imp.length,
        eer[0],
        eer[1],
        tar,
        opts.alpha(),
        new FaceKeyBinding(opts.alpha()).codebookBits(),
        keys.enrolments(),
        ratio(keys.singleOk(), keys.singleTotal()),
        keys.singleTotal(),
        ratio(keys.pairOk(), keys.pairTotal()),
        keys.pairTotal(),
        keys.falseOk(),
        keys.falseTotal(),
        keys.singleTotal() == 0 ? Double.NaN : keys.modelSingle() / keys.singleTotal(),
        keys.pairTotal() == 0 ? Double.NaN : keys.modelPair() / keys.pairTotal(),
        keys.modelFalseAllAttempts() == 0
            ? Double.NaN
            : keys.modelFalseAll() / keys.modelFalseAllAttempts(),
        keys.modelFalseAllAttempts(),
        medians,
        config.livenessThreshold(),
        ratio(run.realSpoof, run.realTried),
        ratio(run.colourSpoof, run.colourTried),
        apcer,
        opts.mirrorAveraging(),
        (System.nanoTime() - start) / 1e9);
  }

  private static List<double[]> scores(Map<String, List<FaceTemplate>> byIdentity) {
    List<String> ids = new ArrayList<>();
    List<FaceTemplate> all = new ArrayList<>();
    byIdentity.forEach(
        (id, ts) -> {
          for (FaceTemplate t : ts) {
            ids.add(id);
            all.add(t);
          }
        });
    List<Double> gen = new ArrayList<>();
    List<Double> imp = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        (ids.get(i).equals(ids.get(j)) ? gen : imp).add(all.get(i).cosine(all.get(j)));
      }
    }
    return List.of(
        gen.stream().mapToDouble(Double::doubleValue).toArray(),
        imp.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double ratio(long ok, long total) {
    return total == 0 ? Double.NaN : (double) ok / total;
  }

  private static double median(List<Double> v) {
    if (v.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
