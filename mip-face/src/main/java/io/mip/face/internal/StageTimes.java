package io.mip.face.internal;

import java.util.EnumMap;
import java.util.Map;

/** Nanoseconds spent per pipeline stage for one image (not thread-safe; one per call). */
public final class StageTimes {
  /** Pipeline stages. */
  public enum Stage {
    /** Image decoding (not part of the face pipeline budget). */
    DECODE,
    /** Detector, including the padded retry. */
    DETECT,
    /** 68-point landmarks. */
    LANDMARKS,
    /** Five points, similarity transform and warp. */
    ALIGN,
    /** Embedder (twice with mirror averaging). */
    EMBED,
    /** Liveness crop and model. */
    LIVENESS
  }

  private final Map<Stage, Long> nanos = new EnumMap<>(Stage.class);
  private long mark = System.nanoTime();

  /** Starts timing the next stage. */
  public void start() {
    mark = System.nanoTime();
  }

  /** Adds the time since the last mark to {@code stage} and resets the mark. */
  public void lap(Stage stage) {
    long now = System.nanoTime();
    nanos.merge(stage, now - mark, Long::sum);
    mark = now;
  }

  /** Returns the nanoseconds recorded for a stage, or -1 if it did not run. */
  public long nanos(Stage stage) {
    return nanos.getOrDefault(stage, -1L);
  }
}
