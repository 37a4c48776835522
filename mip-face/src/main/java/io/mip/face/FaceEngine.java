package io.mip.face;

import io.mip.face.internal.FacePipeline;
import io.mip.face.internal.ImageDecoder;
import io.mip.face.internal.PipelineConfig;
import io.mip.face.internal.StageTimes;
import java.util.Objects;

/**
 * The on-device face pipeline on ONNX Runtime: decode, detect, 68 landmarks, five-point similarity
 * alignment to the ArcFace 112x112 template, 512-d embedding; and a liveness check.
 *
 * <p>Guarantees: untrusted bytes are size-checked before decoding (at most {@value #MAX_BYTES}
 * bytes, and at most {@value #MAX_PIXELS} pixels as declared by the image header, checked before
 * any pixel is decoded); every expected failure is a {@link FaceError} value, never an exception;
 * templates are unit length. An image with two confident faces of comparable size (the second at
 * least half the first's height) is refused as {@link FaceError.Reason#MULTIPLE_FACES} rather than
 * guessed; smaller background faces are ignored. When no face is found, the image is padded by 25 %
 * on each side and searched once more. Grey images are embedded as three equal channels. EXIF
 * orientation is not applied.
 *
 * <p>Thread safety: an engine is immutable after {@link #open(ModelPack)} and ONNX Runtime sessions
 * run concurrently, so one engine serves many threads. {@link #close()} must not race with calls.
 */
public final class FaceEngine implements AutoCloseable {
  /** Largest accepted image, in bytes. */
  public static final long MAX_BYTES = 15L * 1024 * 1024;

  /** Largest accepted image, in pixels (width times height from the header). */
  public static final long MAX_PIXELS = 40_000_000L;

  private final FacePipeline pipeline;
  private final ImageDecoder decoder;
  private final FaceMatcher matcher;

  private FaceEngine(FacePipeline pipeline) {
    this.pipeline = pipeline;
    this.decoder = new ImageDecoder(MAX_BYTES, MAX_PIXELS);
    this.matcher = FaceMatcher.DEFAULT;
  }

  /**
   * Loads the pack's models into ONNX Runtime (2 intra-op threads, 1 inter-op thread, no spinning).
   *
   * @throws ModelPackException if a model cannot be loaded or its input shape differs from the pack
   *     geometry
   */
  public static FaceEngine open(ModelPack pack) {
    Objects.requireNonNull(pack, "pack");
    return new FaceEngine(new FacePipeline(pack, PipelineConfig.DEFAULT));
  }

  /** Finds the single face in an encoded image (JPEG, PNG, BMP, GIF) and embeds it. */
  public FaceResult analyse(byte[] imageBytes) {
    ImageDecoder.Outcome decoded = decoder.decode(imageBytes);
    if (decoded.error() != null) {
      return decoded.error();
    }
    return pipeline.analyse(decoded.image(), new StageTimes()).result();
  }

  /**
   * Runs the liveness model on the single face of an image: the face box scaled 2.7x about its
   * centre, 128x128, raw 0..255 RGB, softmax over three classes of which index 1 is "real". Weak
   * against good attacks; see docs/face.md for the measured error rates.
   */
  public LivenessResult liveness(byte[] imageBytes) {
    ImageDecoder.Outcome decoded = decoder.decode(imageBytes);
    if (decoded.error() != null) {
      return decoded.error();
    }
    return pipeline.liveness(decoded.image(), new StageTimes());
  }

  /** Returns the cosine similarity of two templates, in [-1, 1]. */
  public double similarity(FaceTemplate a, FaceTemplate b) {
    return a.cosine(b);
  }

  /** Returns the matcher with the documented threshold for this engine's models. */
  public FaceMatcher matcher() {
    return matcher;
  }

  @Override
  public void close() {
    pipeline.close();
  }

  @Override
  public String toString() {
    return "FaceEngine";
  }
}
