package io.mip.face.internal;

import io.mip.face.Face;
import io.mip.face.FaceBox;
import io.mip.face.FaceError;
import io.mip.face.FaceError.Reason;
import io.mip.face.FaceResult;
import io.mip.face.FaceTemplate;
import io.mip.face.Liveness;
import io.mip.face.LivenessResult;
import io.mip.face.ModelGeometry;
import io.mip.face.ModelPack;
import io.mip.face.ModelPack.Model;
import io.mip.face.Point;
import io.mip.face.internal.FaceDetector.Detection;
import io.mip.face.internal.StageTimes.Stage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The face pipeline on decoded pixels: detect (padding by 25 % and retrying once when nothing is
 * found), pick the one face, 68 landmarks, five points, least-squares similarity alignment to the
 * ArcFace 112x112 template with an antialiased bilinear warp, embed RGB {@code (v - 127) / 128};
 * and the liveness check. Thread-safe: state is immutable and ONNX Runtime sessions run
 * concurrently.
 */
public final class FacePipeline implements AutoCloseable {
  /** ArcFace 112x112 five-point template: eyes, nose tip, mouth corners. */
  static final double[][] ARCFACE_112 = {
    {38.2946, 51.6963},
    {73.5318, 51.5014},
    {56.0252, 71.7366},
    {41.5493, 92.3655},
    {70.7299, 92.2041}
  };

  /**
   * Smallest raw embedding norm of a detection that counts as a face when several compete.
   * Measured: real faces 2.4 to 4.2 (117 photos of ../shared/faces all at least 2.6), detector
   * false positives on blurred backgrounds and paintings about 1.5.
   */
  static final double MIN_FACE_NORM = 2.0;

  private final ModelGeometry geometry;
  private final PipelineConfig config;
  private final List<OnnxModel> models = new ArrayList<>();
  private final FaceDetector detector;
  private final Landmarker landmarker;
  private final OnnxModel featureModel;
  private final LivenessModel liveness;
  private final double[][] template;

  /** Loads the four models of the pack. */
  public FacePipeline(ModelPack pack, PipelineConfig config) {
    this.geometry = pack.geometry();
    this.config = config;
    ModelGeometry g = geometry;
    this.detector =
        new FaceDetector(
            open(pack, Model.DETECT, 3, g.detectHeight(), g.detectWidth()),
            g.detectWidth(),
            g.detectHeight(),
            config.scoreThreshold(),
            config.nmsIou());
    this.landmarker =
        new Landmarker(
            open(pack, Model.LANDMARK, 1, g.landmarkSize(), g.landmarkSize()), g.landmarkSize());
    this.featureModel = open(pack, Model.FEATURE, 3, g.alignSize(), g.alignSize());
    this.liveness =
        new LivenessModel(
            open(pack, Model.LIVENESS, 3, g.livenessSize(), g.livenessSize()),
            g.livenessSize(),
            config.livenessScale());
    double s = g.alignSize() / 112.0;
    this.template = new double[5][];
    for (int i = 0; i < 5; i++) {
      template[i] = new double[] {ARCFACE_112[i][0] * s, ARCFACE_112[i][1] * s};
    }
  }

  private OnnxModel open(ModelPack pack, Model m, int channels, int h, int w) {
    OnnxModel model =
        OnnxModel.open(pack.file(m), new long[] {1, channels, h, w}, config.intraOpThreads());
    models.add(model);
    return model;
  }

  /**
   * The pipeline's answer with the raw embedding norm of the chosen face.
   *
   * @param result the face or the error
   * @param norm the raw embedding norm, or 0 when there is no face
   */
  public record Analysis(FaceResult result, double norm) {}

  /** Runs the face pipeline on one image, recording stage times. */
  public Analysis analyse(RgbImage img, StageTimes times) {
    times.start();
    Search search = search(img);
    times.lap(Stage.DETECT);
    Selection sel = select(search, times);
    if (sel.error != null) {
      return new Analysis(sel.error, 0);
    }
    Candidate c = sel.embedded != null ? sel.embedded : candidate(search.image, sel.det, times);
    FaceTemplate emb = FaceTemplate.of(c.raw);
    if (config.mirrorAveraging()) {
      int n = geometry.alignSize();
      times.start();
      FaceTemplate mirrored = FaceTemplate.of(embedRaw(Sampler.mirror(c.aligned, n, n)));
      emb = FaceTemplate.mean(List.of(emb, mirrored));
      times.lap(Stage.EMBED);
    }
    List<Point> original = new ArrayList<>(5);
    for (Point p : c.five) {
      original.add(new Point(p.x() - search.offX, p.y() - search.offY));
    }
    return new Analysis(new Face(box(search, c.det), original, emb), norm(c.raw));
  }

  /** Finds the one face as {@link #analyse} does and runs the liveness model on it. */
  public LivenessResult liveness(RgbImage img, StageTimes times) {
    Search search = search(img);
    Selection sel = select(search, times);
    if (sel.error != null) {
      return sel.error;
    }
    times.start();
    double real = liveness.realScore(search.image, sel.det);
    times.lap(Stage.LIVENESS);
    Liveness.Decision d =
        real >= config.livenessThreshold() ? Liveness.Decision.REAL : Liveness.Decision.SPOOF;
    return new Liveness(d, real, config.livenessThreshold(), box(search, sel.det));
  }

  private record Search(RgbImage image, int offX, int offY, List<Detection> found) {}

  private record Candidate(Detection det, List<Point> five, float[] aligned, float[] raw) {}

  /** The chosen detection, already embedded when it had to compete with others; or an error. */
  private record Selection(Detection det, Candidate embedded, FaceError error) {}

  private Search search(RgbImage img) {
    List<Detection> found = detector.detect(img);
    if (!found.isEmpty()) {
      return new Search(img, 0, 0, found);
    }
    int ox = (int) Math.round(img.width() * config.padFraction());
    int oy = (int) Math.round(img.height() * config.padFraction());
    RgbImage padded = img.padded(ox, oy);
    return new Search(padded, ox, oy, detector.detect(padded));
  }

  /**
   * Picks the one face: detections at least {@code multipleFaceRatio} as tall as the tallest, minus
   * those lying mostly inside a taller one. When several are left, each is embedded and those with
   * a raw embedding norm below {@link #MIN_FACE_NORM} (background texture, a face part) are
   * dropped; two or more real faces are refused.
   */
  private Selection select(Search search, StageTimes times) {
    if (search.found.isEmpty()) {
      return failed(Reason.NO_FACE, "no face was found in the image");
    }
    List<Detection> bySize = new ArrayList<>(search.found);
    bySize.sort(Comparator.comparingDouble(Detection::height).reversed());
    double tallest = bySize.get(0).height();
    if (tallest < config.minFaceSide()) {
      return failed(
          Reason.FACE_TOO_SMALL,
          "the face is "
              + Math.round(tallest)
              + " pixels high; at least "
              + config.minFaceSide()
              + " are needed");
    }
    List<Detection> comparable = new ArrayList<>();
    for (Detection d : bySize) {
      if (d.height() < config.multipleFaceRatio() * tallest) {
        break;
      }
      boolean inside = false;
      for (Detection k : comparable) {
        inside |= FaceDetector.intersection(d, k) >= 0.5 * d.width() * d.height();
      }
      if (!inside) {
        comparable.add(d);
      }
    }
    if (comparable.size() == 1) {
      return new Selection(comparable.get(0), null, null);
    }
    List<Candidate> real = new ArrayList<>();
    Candidate best = null;
    for (Detection d : comparable) {
      Candidate c = candidate(search.image, d, times);
      if (best == null || norm(c.raw) > norm(best.raw)) {
        best = c;
      }
      if (norm(c.raw) >= MIN_FACE_NORM) {
        real.add(c);
      }
    }
    if (real.size() > 1) {
      return failed(
          Reason.MULTIPLE_FACES,
          real.size() + " faces of comparable size were found; show exactly one face");
    }
    Candidate chosen = real.isEmpty() ? best : real.get(0);
    return new Selection(chosen.det, chosen, null);
  }

  private static Selection failed(Reason reason, String detail) {
    return new Selection(null, null, FaceError.of(reason, detail));
  }

  private Candidate candidate(RgbImage img, Detection d, StageTimes times) {
    times.start();
    List<Point> five = landmarker.fivePoints(img, d);
    times.lap(Stage.LANDMARKS);
    int n = geometry.alignSize();
    float[] aligned = Sampler.warpAntialiased(img, Affine.similarityInverse(five, template), n, n);
    times.lap(Stage.ALIGN);
    float[] raw = embedRaw(aligned);
    times.lap(Stage.EMBED);
    return new Candidate(d, five, aligned, raw);
  }

  private float[] embedRaw(float[] aligned) {
    int n = geometry.alignSize();
    float[] out =
        featureModel.run(Sampler.toChw(aligned, n, n, 127f, 128f), featureModel.firstOutput())[0];
    if (out.length != geometry.embeddingDim()) {
      throw new IllegalStateException("embedder output differs from the pack geometry");
    }
    return out;
  }

  private static FaceBox box(Search search, Detection d) {
    double side = d.height();
    double cx = (d.x1() + d.x2()) / 2 - search.offX;
    double cy = (d.y1() + d.y2()) / 2 - search.offY;
    return new FaceBox(cx - side / 2, cy - side / 2, side, d.score());
  }

  private static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  @Override
  public void close() {
    for (OnnxModel m : models) {
      m.close();
    }
  }
}
