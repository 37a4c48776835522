package io.mip.wallet.passport.internal;

import io.mip.face.Face;
import io.mip.face.FaceEngine;
import io.mip.face.FaceError;
import io.mip.face.FaceResult;
import io.mip.face.FaceTemplate;
import io.mip.face.Liveness;
import io.mip.face.LivenessResult;
import io.mip.wallet.passport.PassportFailure;
import io.mip.wallet.passport.PassportFailure.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns the caller's face images into templates (and liveness decisions), mapping each {@link
 * FaceError} to the wallet's reason for the first image that fails. Templates stay in memory only.
 */
public final class FaceCaptures {
  /** Most images one operation accepts. */
  public static final int MAX_IMAGES = 16;

  private final FaceEngine engine;

  /** Creates captures over {@code engine}. */
  public FaceCaptures(FaceEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** The outcome of analysing the images: templates, or the first image's failure. */
  public record Analysis(List<FaceTemplate> templates, PassportFailure failure) {}

  /** The outcome of the liveness check: decisions, or the first image's failure. */
  public record LivenessAnalysis(List<Liveness> decisions, PassportFailure failure) {}

  /** Embeds every image; stops at the first that has no single usable face. */
  public Analysis analyse(List<byte[]> images) {
    List<FaceTemplate> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      FaceResult r = engine.analyse(images.get(i));
      if (r instanceof FaceError e) {
        return new Analysis(List.of(), failure(e, i));
      }
      out.add(((Face) r).template());
    }
    return new Analysis(List.copyOf(out), null);
  }

  /** Runs the liveness model on every image. */
  public LivenessAnalysis liveness(List<byte[]> images) {
    List<Liveness> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i++) {
      LivenessResult r = engine.liveness(images.get(i));
      if (r instanceof FaceError e) {
        return new LivenessAnalysis(List.of(), failure(e, i));
      }
      out.add((Liveness) r);
    }
    return new LivenessAnalysis(List.copyOf(out), null);
  }

  /** Maps a face error of image {@code index} to a wallet failure. */
  public static PassportFailure failure(FaceError e, int index) {
    String where = "image " + (index + 1) + ": ";
    return switch (e.reason()) {
      case NO_FACE -> PassportFailure.ofImage(Reason.NO_FACE, index, where + "no face found");
      case FACE_TOO_SMALL ->
          PassportFailure.ofImage(Reason.NO_FACE, index, where + "the face is too small");
      case MULTIPLE_FACES ->
          PassportFailure.ofImage(
              Reason.MULTIPLE_FACES, index, where + "several faces; show one face only");
      case NOT_AN_IMAGE, TRUNCATED_IMAGE, EMPTY_INPUT, TOO_LARGE ->
          PassportFailure.ofImage(Reason.UNREADABLE_IMAGE, index, where + e.detail());
    };
  }
}
