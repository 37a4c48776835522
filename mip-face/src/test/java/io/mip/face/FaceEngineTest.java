package io.mip.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.face.FaceError.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FaceEngineTest {
  private final FaceEngine engine = TestModels.engine();

  private Face face(String photo) {
    FaceResult r = engine.analyse(TestModels.photo(photo));
    assertThat(r).isInstanceOf(Face.class);
    return (Face) r;
  }

  private Reason reason(byte[] bytes) {
    FaceResult r = engine.analyse(bytes);
    assertThat(r).isInstanceOf(FaceError.class);
    return ((FaceError) r).reason();
  }

  private static byte[] png(BufferedImage img) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void analyse_samePerson_similarityAboveThreshold() {
    Face a = face("deepface/img1.jpg");
    Face b = face("deepface/img2.jpg");

    assertThat(engine.similarity(a.template(), b.template()))
        .isGreaterThan(FaceMatcher.DEFAULT_THRESHOLD);
    assertThat(engine.matcher().compare(a.template(), b.template()).decision())
        .isEqualTo(FaceMatcher.Decision.MATCH);
  }

  @Test
  void analyse_differentPeople_similarityBelowThreshold() {
    Face jolie = face("deepface/img1.jpg");
    Face obama = face("ageitgey/examples__obama.jpg");

    assertThat(engine.similarity(jolie.template(), obama.template()))
        .isLessThan(FaceMatcher.DEFAULT_THRESHOLD);
    assertThat(engine.matcher().compare(jolie.template(), obama.template()).decision())
        .isEqualTo(FaceMatcher.Decision.NO_MATCH);
  }

  @Test
  void analyse_photo_unitTemplateAndLandmarksInsideTheBox() {
    Face f = face("ageitgey/examples__obama.jpg");

    float[] v = f.template().toArray();
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    assertThat(v).hasSize(512);
    assertThat(n).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(f.landmarks()).hasSize(5);
    for (Point p : f.landmarks()) {
      assertThat(p.x()).isBetween(f.box().x(), f.box().x() + f.box().side());
      assertThat(p.y()).isBetween(f.box().y(), f.box().y() + f.box().side());
    }
    // left eye left of right eye, eyes above the nose, nose above the mouth
    assertThat(f.landmarks().get(0).x()).isLessThan(f.landmarks().get(1).x());
    assertThat(f.landmarks().get(0).y()).isLessThan(f.landmarks().get(2).y());
    assertThat(f.landmarks().get(2).y()).isLessThan(f.landmarks().get(3).y());
    assertThat(f.template().toString()).isEqualTo("FaceTemplate[512-d]");
  }

  @Test
  void analyse_greyPngAndWebpInJpgName_bothGiveAFace() {
    assertThat(face("faceapi/amy1.png").template().dimension()).isEqualTo(512);
    assertThat(face("deepface/img47.jpg").template().dimension()).isEqualTo(512);
  }

  @Test
  void analyse_randomBytes_notAnImage() {
    byte[] junk = new byte[4096];
    new Random(1).nextBytes(junk);

    assertThat(reason(junk)).isEqualTo(Reason.NOT_AN_IMAGE);
  }

  @Test
  void analyse_truncatedJpeg_truncatedImage() {
    byte[] jpeg = TestModels.photo("deepface/img1.jpg");

    assertThat(reason(Arrays.copyOf(jpeg, jpeg.length / 2))).isEqualTo(Reason.TRUNCATED_IMAGE);
  }

  @Test
  void analyse_emptyOrNull_emptyInput() {
    assertThat(reason(new byte[0])).isEqualTo(Reason.EMPTY_INPUT);
    assertThat(reason(null)).isEqualTo(Reason.EMPTY_INPUT);
  }

  @Test
  void analyse_pngHeaderClaiming100000Squared_tooLargeBeforeDecoding() {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    ihdr.putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put((byte) 0);
    ihdr.put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    png.putInt(0)
        .put("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .putInt(0xAE426082);

    assertThat(reason(png.array())).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void analyse_overByteLimit_tooLarge() {
    assertThat(reason(new byte[(int) FaceEngine.MAX_BYTES + 1])).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void analyse_blankImage_noFace() {
    BufferedImage blank = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = blank.createGraphics();
    g.setColor(new Color(200, 200, 200));
    g.fillRect(0, 0, 640, 480);
    g.dispose();

    assertThat(reason(png(blank))).isEqualTo(Reason.NO_FACE);
  }

  @Test
  void analyse_couplePhoto_multipleFaces() {
    assertThat(reason(TestModels.photo("deepface/couple.jpg"))).isEqualTo(Reason.MULTIPLE_FACES);
  }

  @Test
  void analyse_faceDownscaledToAFewPixels_faceTooSmall() {
    BufferedImage src = read(TestModels.photo("ageitgey/examples__obama.jpg"));
    int w = src.getWidth() / 14;
    int h = src.getHeight() / 14;
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(src, 0, 0, w, h, null);
    g.dispose();

    assertThat(reason(png(small))).isEqualTo(Reason.FACE_TOO_SMALL);
  }

  @Test
  void liveness_realColourPhoto_realWithScore() {
    LivenessResult r = engine.liveness(TestModels.photo("ageitgey/examples__obama.jpg"));

    assertThat(r).isInstanceOf(Liveness.class);
    Liveness l = (Liveness) r;
    assertThat(l.decision()).isEqualTo(Liveness.Decision.REAL);
    assertThat(l.realScore()).isGreaterThanOrEqualTo(l.threshold());
  }

  @Test
  void liveness_notAnImage_faceError() {
    assertThat(engine.liveness(new byte[] {1, 2, 3})).isInstanceOf(FaceError.class);
  }
}
