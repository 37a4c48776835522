package io.mip.face.eval.internal;

import io.mip.face.Face;
import io.mip.face.FaceEngine;
import io.mip.face.FaceError;
import io.mip.face.FaceResult;
import io.mip.face.FaceTemplate;
import io.mip.face.Liveness;
import io.mip.face.LivenessResult;
import io.mip.face.eval.internal.Dataset.Row;
import io.mip.face.internal.FacePipeline;
import io.mip.face.internal.ImageDecoder;
import io.mip.face.internal.RgbImage;
import io.mip.face.internal.StageTimes;
import io.mip.face.internal.StageTimes.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the pipeline once per image (embeddings are cached for all later steps), and the liveness
 * model on each real photo and on its synthesised attacks. Not thread-safe.
 */
public final class ImageRun {
  private final FacePipeline pipeline;
  private final ImageDecoder decoder =
      new ImageDecoder(FaceEngine.MAX_BYTES, FaceEngine.MAX_PIXELS);
  private final boolean liveness;

  /** Templates per identity, in CSV order. */
  public final Map<String, List<FaceTemplate>> byIdentity = new LinkedHashMap<>();

  /** Failure counts per reason (several faces included). */
  public final Map<String, Integer> failures = new TreeMap<>();

  /** Stage latencies in milliseconds. */
  public final Map<Stage, List<Double>> stageMs = new EnumMap<>(Stage.class);

  /** Pipeline latency (detect to embed) per successful image. */
  public final List<Double> pipelineMs = new ArrayList<>();

  /** Liveness counts: real photos called SPOOF / tried, over all and over colour photos. */
  public int realSpoof;

  /** Real photos tried for liveness. */
  public int realTried;

  /** Colour real photos called SPOOF. */
  public int colourSpoof;

  /** Colour real photos tried. */
  public int colourTried;

  /** Attacks called REAL, per kind. */
  public final Map<Attacks.Kind, Integer> attackAccepted = new EnumMap<>(Attacks.Kind.class);

  /** Attacks where a face was found and liveness decided, per kind. */
  public final Map<Attacks.Kind, Integer> attackTried = new EnumMap<>(Attacks.Kind.class);

  /** Creates a run over a loaded pipeline. */
  public ImageRun(FacePipeline pipeline, boolean liveness) {
    this.pipeline = pipeline;
    this.liveness = liveness;
  }

  /** Processes one image. */
  public void add(Row row, int index) {
    byte[] bytes;
    try {
      bytes = Files.size(row.path()) > FaceEngine.MAX_BYTES ? null : Files.readAllBytes(row.path());
    } catch (IOException e) {
      failures.merge("UNREADABLE_FILE", 1, Integer::sum);
      return;
    }
    if (bytes == null) {
      failures.merge(FaceError.Reason.TOO_LARGE.name(), 1, Integer::sum);
      return;
    }
    long t0 = System.nanoTime();
    ImageDecoder.Outcome decoded = decoder.decode(bytes);
    record(Stage.DECODE, System.nanoTime() - t0);
    if (decoded.error() != null) {
      failures.merge(decoded.error().reason().name(), 1, Integer::sum);
      return;
    }
    RgbImage img = decoded.image();
    StageTimes times = new StageTimes();
    FaceResult result = pipeline.analyse(img, times).result();
    if (result instanceof FaceError e) {
      failures.merge(e.reason().name(), 1, Integer::sum);
      return;
    }
    long total = 0;
    for (Stage s : List.of(Stage.DETECT, Stage.LANDMARKS, Stage.ALIGN, Stage.EMBED)) {
      record(s, times.nanos(s));
      total += Math.max(0, times.nanos(s));
    }
    pipelineMs.add(total / 1e6);
    byIdentity
        .computeIfAbsent(row.identity(), k -> new ArrayList<>())
        .add(((Face) result).template());
    if (liveness) {
      livenessOf(img, index);
    }
  }

  private void livenessOf(RgbImage img, int index) {
    StageTimes times = new StageTimes();
    LivenessResult real = pipeline.liveness(img, times);
    record(Stage.LIVENESS, times.nanos(Stage.LIVENESS));
    if (real instanceof Liveness l) {
      boolean spoof = l.decision() == Liveness.Decision.SPOOF;
      realTried++;
      realSpoof += spoof ? 1 : 0;
      if (!isGrey(img)) {
        colourTried++;
        colourSpoof += spoof ? 1 : 0;
      }
    }
    for (Attacks.Kind kind : Attacks.Kind.values()) {
      RgbImage attack = Attacks.make(kind, img, index);
      if (pipeline.liveness(attack, new StageTimes()) instanceof Liveness l) {
        attackTried.merge(kind, 1, Integer::sum);
        attackAccepted.merge(kind, l.decision() == Liveness.Decision.REAL ? 1 : 0, Integer::sum);
      }
    }
  }

  private void record(Stage s, long nanos) {
    if (nanos >= 0) {
      stageMs.computeIfAbsent(s, k -> new ArrayList<>()).add(nanos / 1e6);
    }
  }

  private static boolean isGrey(RgbImage img) {
    byte[] p = img.rgb();
    for (int i = 0; i < p.length; i += 3) {
      if (p[i] != p[i + 1] || p[i] != p[i + 2]) {
        return false;
      }
    }
    return true;
  }
}
