package io.mip.face.eval;

/** Receives evaluation progress: {@code done} of {@code total} work units (images, enrolments). */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores progress. */
  ProgressListener NONE = (done, total) -> {};

  /** Called after each unit of work; {@code 0 <= done <= total}. */
  void progress(int done, int total);
}
